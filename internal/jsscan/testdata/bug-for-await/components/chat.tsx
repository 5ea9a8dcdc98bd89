'use client'

import { lines, send } from '@/lib/stream'

export function Chat({ url }: { url: string }) {
  async function onSubmit(text: string) {
    const res = await fetch(url, { method: 'POST', body: text })
    for await (const line of lines(res)) {
      console.log(line)
    }
    await send(text)
  }
  return <button onClick={() => onSubmit('hi')}>send</button>
}
