// The scanner's parser rejecting esbuild's output for one file used to
// lose the whole build ("cannot parse esbuild output (internal error)").
// TestGolden simulates parser gaps for this fixture (see parserGapHook):
// a gap that compiling the file to older syntax removes (??=), and one it
// does not (the "dypai-test-parser-gap" string). The first file is fully
// analysed; the second is reported as not analysed and what it imports is
// still checked; the rest of the project is analysed as usual.
import { cache } from './lowered'
import { widget } from './unreadable'
import { dypai } from './client'
import { leaf } from './leaf'

export const app = [cache, widget, leaf]
dypai.api.post('create_order', { user_id: 'u1' }) // want DYP201
