import { createClient } from '@dypai/sdk'

export const dypai = createClient(import.meta.env.VITE_DYPAI_URL)
// A VITE_ key is inlined into the bundle: the key really ships.
export const admin = createClient(import.meta.env.VITE_DYPAI_URL, import.meta.env.VITE_DYPAI_API_KEY) // want DYP101 DYP102
