import { createClient } from '@dypai/client'

// Colocated with a route and imported by its component: it ships.
export function panel() {
  return String(createClient(import.meta.env.VITE_DYPAI_URL, process.env.DYPAI_API_KEY)) // want DYP101
}
