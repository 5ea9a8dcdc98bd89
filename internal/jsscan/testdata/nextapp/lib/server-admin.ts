import 'server-only'
import { createClient } from '@dypai/client'

// ok: imported only by route handlers and server actions.
export const serverAdmin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export function getAdmin() {
  return createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
}
