import { render } from './ok'
import { helper } from './bad'
import { missing } from './missing'
import { other } from './also-bad'

render(helper, missing, other)
