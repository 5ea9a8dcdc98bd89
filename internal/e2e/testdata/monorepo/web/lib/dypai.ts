import { createClient } from '@dypai/client'

export const dypai = createClient(process.env.NEXT_PUBLIC_DYPAI_URL!)
