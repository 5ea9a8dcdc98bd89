import { createServerFileRoute } from '@tanstack/react-start/server'
import { admin } from '../../server/admin'

// ok: a server route runs on the server only.
export const ServerRoute = createServerFileRoute('/api/sync').methods({
  POST: async () => Response.json(await admin.api.post('nightly_sync', {})),
})
