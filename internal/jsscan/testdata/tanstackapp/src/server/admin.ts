import { createClient } from '@dypai/client'

// ok: imported by route modules only inside server functions, which the
// client build replaces with RPC stubs.
export const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
