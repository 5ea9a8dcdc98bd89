'use server'

import { createClient } from '@dypai/client'

// Server actions run on the server even when a client component calls them:
// the browser gets a reference to the action, never this module's code.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export async function requestErpSync(since: string) {
  const { error } = await admin.api.post('sync_erp_orders', { since })
  if (error) throw new Error('ERP sync failed')
}
