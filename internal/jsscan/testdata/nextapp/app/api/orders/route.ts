import { serverAdmin, getAdmin } from '@/lib/server-admin'

export async function POST(req: Request) {
  const { userId, items } = await req.json()
  // ok: an API-key call from a route handler to an api_key endpoint
  await serverAdmin.api.post('sync_erp_orders', { since: '2024-01-01' })
  // an API-key call sending the user's identity
  await serverAdmin.api.post('sync_erp_orders', { since: '2024-01-01', owner_id: userId }) // want DYP301
  // an API-key call of a jwt endpoint, through a function returning the client
  const admin = getAdmin()
  await admin.api.post('create_order', { items }) // want DYP301
  return Response.json({ ok: true })
}
