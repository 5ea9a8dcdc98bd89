// The same generated module (panda codegen's styled-system) from another
// directory: one note for it, counting the imports.
import { css } from '../styled-system/css'

export const card = css({ padding: 4 })
