import OpenAI from 'openai'

// Silent: the same client in a route handler, where the key belongs.
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY })

export async function POST(req: Request) {
  const { question } = await req.json()
  const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] })
  return Response.json({ answer: res.choices[0]?.message?.content ?? '' })
}
