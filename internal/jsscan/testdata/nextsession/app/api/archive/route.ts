import { orders } from '@/lib/orders-service'

export async function POST(req: Request) {
  const { userId, id } = (await req.json()) as { userId: string; id: string }
  await orders.archiveFor(userId, id)
  return Response.json({ ok: true })
}
