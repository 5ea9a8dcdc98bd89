import { createClient } from '@dypai/client'

// ok: anything under a .server directory never ships to the browser.
export const db = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

// The server build includes .server directories: an API-key call sending the
// user's identity is reported there.
export function archive(userId: string) {
  return db.api.post('archive_order', { user_id: userId }) // want DYP301
}
