import { auth } from '@/auth'

// Another API that takes its key in an x-api-key header: not the platform.
export async function POST(req: Request) {
  const session = await auth()
  if (!session) return new Response(null, { status: 401 })
  const { prompt } = (await req.json()) as { prompt: string }
  const r = await fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'claude', messages: [{ role: 'user', content: prompt }] }),
  })
  return Response.json(await r.json())
}
