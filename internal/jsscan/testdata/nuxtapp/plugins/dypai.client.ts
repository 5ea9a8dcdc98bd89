import { createClient } from '@dypai/client'

export default defineNuxtPlugin(() => {
  const config = useRuntimeConfig()
  // The user client: no API key.
  const dypai = createClient(config.public.dypaiUrl)
  return { provide: { dypai } }
})
