import { createClient } from '@dypai/client'
export const admin = createClient(url, process.env.DYPAI_API_KEY)
