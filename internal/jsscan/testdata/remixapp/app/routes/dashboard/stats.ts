import { createClient } from '@dypai/client'

// ok: colocated in a route folder but not a route module (only route.tsx
// is), and imported only for the route's loader.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export function loadStats() {
  return admin.api.get('stats')
}
