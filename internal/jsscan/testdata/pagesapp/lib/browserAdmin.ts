import { createClient } from '@dypai/client'

export function browserAdmin() {
  return createClient(process.env.NEXT_PUBLIC_DYPAI_URL!, process.env.DYPAI_SERVICE_KEY) // want DYP101
}

// ok: never imported by a page, so tree shaking drops it.
export function unusedAdmin() {
  return createClient(process.env.NEXT_PUBLIC_DYPAI_URL!, process.env.DYPAI_SERVICE_KEY)
}
