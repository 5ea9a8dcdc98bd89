import { createClient } from '@dypai/client'
import type { PageLoad } from './$types'

// A universal load: it runs in the browser too.
export const load: PageLoad = async () => {
  const admin = createClient('https://api.example.com', process.env.DYPAI_API_KEY) // want DYP101
  return { rows: await admin.api.get('monthly_report') }
}
