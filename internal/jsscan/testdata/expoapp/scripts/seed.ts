import { createClient } from '@dypai/client'

// ok: a script the app never imports does not ship.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
await admin.api.post('nightly_sync', {})
