'use server'
import { createClient } from '@dypai/client'

// ok: a server action; Next.js ships only an RPC stub to the browser.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export async function syncNow() {
  await admin.api.post('sync_erp_orders', { since: 'yesterday' })
}
