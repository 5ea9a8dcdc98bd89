import { createClient } from '@dypai/sdk'

// ok: no entry point imports this file, so it does not ship.
export const admin = createClient('https://x.dypai.dev', 'dyp_live_abcdef0123456789')
