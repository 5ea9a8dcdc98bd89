import { createClient } from '@dypai/client'
import { DYPAI_API_KEY } from '$env/static/private'
import type { PageServerLoad } from './$types'

// Runs on the server only: the API key stays there.
const admin = createClient('https://api.example.com', DYPAI_API_KEY)

export const load: PageServerLoad = async () => {
  return { orders: await admin.api.get('list_orders') }
}
