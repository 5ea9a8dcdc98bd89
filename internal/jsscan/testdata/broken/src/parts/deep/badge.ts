import { css } from '../../styled-system/css'

export const badge = css({ margin: 2 })
