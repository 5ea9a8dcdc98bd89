import { createClient } from '@dypai/client'

// ok for DYP101: an Expo Router API route runs on the server, not on devices.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export async function POST(req: Request) {
  const { userId } = await req.json()
  await admin.api.post('nightly_sync', {})
  // the server build still sees API routes: an API-key call sending the user's identity
  await admin.api.post('nightly_sync', { user_id: userId }) // want DYP301
  return Response.json({ ok: true })
}
