import { render } from './ok'
import { helper } from './bad'
import { missing } from './missing'
import { other } from './also-bad'
import { css } from './styled-system/css'
import { card } from './parts/card'
import { badge } from './parts/deep/badge'

render(helper, missing, other, css, card, badge)
