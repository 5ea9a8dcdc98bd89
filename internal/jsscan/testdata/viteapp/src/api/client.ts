import { createClient } from '@dypai/sdk'

export const dypai = createClient(import.meta.env.VITE_DYPAI_URL)
// A VITE_ key is inlined into the bundle: the key really ships.
export const admin = createClient(import.meta.env.VITE_DYPAI_URL, import.meta.env.VITE_DYPAI_API_KEY) // want DYP101 DYP102
// A Create React App name in a Vite app is not inlined (Vite exposes only
// VITE_): process.env.REACT_APP_… is undefined in the browser, not a leak.
export const legacy = String(process.env.REACT_APP_DYPAI_SECRET)
