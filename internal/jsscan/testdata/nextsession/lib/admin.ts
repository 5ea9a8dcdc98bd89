import 'server-only'
import { createClient } from '@dypai/client'

export const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export function userClient() {
  return createClient(process.env.DYPAI_URL!)
}
