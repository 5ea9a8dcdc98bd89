import { createClient } from '@dypai/client'

// Generic helpers: what the caller passes decides the kind of client.
export function createAdmin(url: string, key: string | undefined) {
  return createClient(url, key)
}

export function createUser(url: string) {
  return createClient(url)
}

// A default key makes every call an API-key client.
export const makeAdmin = (key = process.env.DYPAI_API_KEY) => createClient(process.env.NEXT_PUBLIC_DYPAI_URL!, key) // want DYP101
