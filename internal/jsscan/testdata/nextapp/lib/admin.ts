import { createClient } from '@dypai/client'

// Imported by a client component: the construction runs in the browser.
export const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY) // want DYP101

// ok: an unused export is dropped by tree shaking; it does not ship.
export function makeAdmin(key: string) {
  return createClient(process.env.DYPAI_URL!, key)
}
