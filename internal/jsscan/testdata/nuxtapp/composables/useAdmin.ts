import { createClient } from '@dypai/client'

export function useAdmin() {
  const { public: pub } = useRuntimeConfig()
  return createClient(pub.dypaiUrl, process.env.DYPAI_API_KEY) // want DYP101
}
