import { createClient } from '@dypai/client'

// ok: a user (jwt) client
export const dypai = createClient(import.meta.env.VITE_DYPAI_URL)
