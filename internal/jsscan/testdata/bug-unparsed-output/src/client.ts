import { createClient } from '@dypai/client'

export const dypai = createClient('https://x.dypai.dev')
