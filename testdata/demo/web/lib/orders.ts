import { createClient } from '@dypai/client'
import { dypai } from './dypai'

export type Order = { id: string; total_cents: number; status: string; created_at: string }

export async function listMyOrders(): Promise<Order[]> {
  const { data, error } = await dypai.api.get('list_orders')
  if (error) throw error
  return (data ?? []) as Order[]
}

export function formatTotal(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

// Left over from a back-office script. Nothing imports it, so the bundler
// drops it from the dashboard's bundle: it never reaches the browser.
export function createOrdersAdminClient() {
  return createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
}
