import { currentUser } from '@clerk/nextjs/server'
import { admin, userClient } from '@/lib/admin'

export async function POST() {
  const user = await currentUser()
  if (!user) return new Response(null, { status: 401 })
  await admin.api.post('touch_profile', { note: 'visited' }) // want DYP301
  return Response.json({ ok: true })
}

// The user client's own session: the right client for the user's data.
export async function GET() {
  const dypai = userClient()
  const { data } = await dypai.auth.getUser()
  if (!data) return new Response(null, { status: 401 })
  const profile = await dypai.api.get('get_profile')
  const stats = await admin.api.get('get_stats', { id: 'global' }) // want DYP301
  return Response.json({ profile, stats })
}
