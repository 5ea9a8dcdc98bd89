import { createClient } from '@dypai/client'

// Server route: the API key stays on the server.
const admin = createClient('https://api.example.com', process.env.DYPAI_API_KEY)

export default defineEventHandler(async () => {
  return admin.api.get('list_orders')
})
