import { createClient } from '@dypai/client'

export function reportsClient() {
  return createClient('https://api.example.com', process.env.DYPAI_API_KEY) // want DYP101
}
