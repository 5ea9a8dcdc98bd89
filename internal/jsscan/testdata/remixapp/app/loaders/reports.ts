import { createClient } from '@dypai/client'

// ok: only re-exported as a route's loader.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export const loader = () => admin.api.get('reports')
