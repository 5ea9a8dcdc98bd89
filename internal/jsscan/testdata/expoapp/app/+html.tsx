import { ScrollViewStyleReset } from 'expo-router/html'
import { createClient } from '@dypai/client'

// ok: +html renders the web shell in Node.js during static rendering only.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export default function Root({ children }: { children: React.ReactNode }) {
  return <html data-x={String(Boolean(admin))}><head><ScrollViewStyleReset /></head><body>{children}</body></html>
}
