'use client'
import { createClient } from '@dypai/client'

// A component library file with the directive, imported by nothing: it does
// not ship in a Vite app, whose entry is index.html.
export const admin = createClient('https://api.example.com', process.env.DYPAI_API_KEY)

export function Unused() {
  return <p>{String(admin)}</p>
}
