import { createClient } from '@dypai/client'

// ok: a user (jwt) client, no key
export const dypai = createClient(process.env.NEXT_PUBLIC_DYPAI_URL!)
