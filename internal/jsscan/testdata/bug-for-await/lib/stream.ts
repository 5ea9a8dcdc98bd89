import { createClient } from '@dypai/client'

// An async generator, and one as an object-literal method (sobek rejects
// `{ async *m() {} }` too).
export async function* readChunks(res: Response) {
  const reader = res.body!.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    yield value
  }
}

export const decoder = {
  async *lines(res: Response) {
    for await (const chunk of readChunks(res)) yield new TextDecoder().decode(chunk)
  },
}

export const lines = (res: Response) => decoder.lines(res)

const leaky = createClient(process.env.NEXT_PUBLIC_DYPAI_URL!, process.env.NEXT_PUBLIC_DYPAI_API_KEY) // want DYP101 DYP102

export function send(text: string) {
  return leaky.api.post('send_message', { text })
}
