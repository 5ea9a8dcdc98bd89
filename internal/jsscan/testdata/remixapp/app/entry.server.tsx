import { createClient } from '@dypai/client'

// ok: entry.server renders on the server only.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export default function handleRequest(request: Request) {
  return admin.api.post('nightly_sync', { url: request.url })
}
