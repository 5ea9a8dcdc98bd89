import { createClient } from '@dypai/client'

// ok: files under a "-" directory are not routes, and no route imports this.
export const widgetAdmin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
