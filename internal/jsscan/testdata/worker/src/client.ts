import dypaiSdk from 'dypai'

let cached: ReturnType<typeof dypaiSdk.createClient> | undefined

// ok: an API-key client in a Node worker (server code).
export function adminClient() {
  if (!cached) cached = dypaiSdk.createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
  return cached
}
