import { createClient } from '@dypai/client'

// ok: imported by a route only for its loader, which the build strips.
export const serverAdmin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
