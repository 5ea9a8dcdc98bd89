// Syntax that esbuild prints as is at target esnext but sobek's parser
// rejects (found by probing the parser, see TestParserGaps): each module
// below uses one and still has its finding reported.
import { openSession } from './resources'
import { Store } from './decorated'
import { settings, external } from './attributes'
import { Feed } from './feed'

openSession()
new Store()
new Feed().items()
console.log(settings, external)
