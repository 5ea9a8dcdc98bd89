import { NextResponse } from 'next/server'
import { adminClient } from '@/lib/server-admin'

// POST /api/sync: called by the scheduler with the shared cron secret.
export async function POST(req: Request) {
  if (req.headers.get('x-cron-secret') !== process.env.CRON_SECRET) {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 })
  }
  const { since } = (await req.json()) as { since: string }
  const { data, error } = await adminClient.api.post('sync_erp_orders', { since })
  if (error) {
    return NextResponse.json({ error: 'sync failed' }, { status: 502 })
  }
  return NextResponse.json(data)
}
