'use client'
import { createClient as makeClient } from '@dypai/client'

// A renamed import of the constructor, keyed by a public env var.
const c = makeClient(process.env.NEXT_PUBLIC_DYPAI_URL!, process.env.NEXT_PUBLIC_DYPAI_API_KEY) // want DYP101 DYP102

export function Renamed() {
  return <p>{String(Boolean(c))}</p>
}
