import { createClient } from '@dypai/client'

// ok: a .server module never ships to the browser.
export const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
