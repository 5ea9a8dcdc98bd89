import { admin } from '@/lib/admin'

// A scheduled job authenticated by a shared secret: no user, the API key is right.
export async function POST(req: Request) {
  if (req.headers.get('x-cron-secret') !== process.env.CRON_SECRET) {
    return new Response(null, { status: 403 })
  }
  await admin.api.post('sync_orders')
  return Response.json({ ok: true })
}
