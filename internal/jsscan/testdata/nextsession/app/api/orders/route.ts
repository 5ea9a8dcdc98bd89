import { auth } from '@/auth'
import { admin } from '@/lib/admin'

// Serves the signed-in user, but lists orders with the API key.
export async function GET() {
  const session = await auth()
  if (!session) return new Response('unauthorized', { status: 401 })
  const { data } = await admin.api.get('list_orders') // want DYP301
  return Response.json(data)
}

// Archives several orders for the signed-in user, in a nested callback.
export async function DELETE(req: Request) {
  const session = await auth()
  if (!session) return new Response('unauthorized', { status: 401 })
  const { ids } = (await req.json()) as { ids: string[] }
  await Promise.all(ids.map((id) => admin.api.post('archive_order', { id }))) // want DYP301
  return Response.json({ ok: true })
}
