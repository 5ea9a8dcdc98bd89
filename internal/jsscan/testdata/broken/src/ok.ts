import { createClient } from '@dypai/client'

// The rest of the project is still scanned despite the broken files.
const admin = createClient('https://x.dypai.dev', process.env.DYPAI_API_KEY) // want DYP101

export function render(...xs: unknown[]) {
  return [admin, xs]
}
