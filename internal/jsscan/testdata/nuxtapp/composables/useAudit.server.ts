import { createClient } from '@dypai/client'

// A .server file: never in the client bundle.
export function useAudit() {
  return createClient('https://api.example.com', process.env.DYPAI_API_KEY)
}
