import { createClient } from '@dypai/client'

// ok: middleware is server code.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export function middleware() {
  return admin
}
