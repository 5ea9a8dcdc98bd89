import { createClient } from '@dypai/client'

// ok: a user (jwt) client
export const dypai = createClient(process.env.EXPO_PUBLIC_DYPAI_URL!)
