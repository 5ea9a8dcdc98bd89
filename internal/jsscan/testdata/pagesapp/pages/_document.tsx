import { Html, Head, Main, NextScript } from 'next/document'
import { createClient } from '@dypai/client'

// ok: _document renders only on the server.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export default function Document() {
  return <Html><Head /><body data-x={String(Boolean(admin))}><Main /><NextScript /></body></Html>
}
