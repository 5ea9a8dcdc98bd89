// Regression: a Next.js route handler streaming a model's answer with
// `for await` (as chatbot-ui's app/api/chat/*/route.ts do). esbuild printed
// the loop as is, sobek's parser rejected it ("Unexpected token await"),
// and the whole server build was lost. The loop is now lowered and the
// file analysed.
import { createClient } from '@dypai/client'

const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export const runtime = 'edge'

export async function POST(request: Request) {
  const { userId, messages } = await request.json()
  const response = await fetch('https://llm.example/v1/stream', { method: 'POST', body: JSON.stringify(messages) })
  const encoder = new TextEncoder()
  const readableStream = new ReadableStream({
    async start(controller) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        controller.enqueue(encoder.encode(String(chunk)))
      }
      await admin.api.post('log_usage', { user_id: userId }) // want DYP301
      controller.close()
    },
  })
  return new Response(readableStream, { headers: { 'Content-Type': 'text/plain' } })
}
