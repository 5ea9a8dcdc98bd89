'use client'
import * as Dypai from '@dypai/client'

export function Namespace({ k }: { k: string }) {
  const client = Dypai.createClient('https://x.dypai.dev', k) // want DYP101
  const user = Dypai.createClient('https://x.dypai.dev') // ok: user client
  return <p>{String(Boolean(client && user))}</p>
}
