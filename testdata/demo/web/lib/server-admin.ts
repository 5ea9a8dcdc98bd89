import 'server-only'
import { createClient } from '@dypai/client'

// The API-key client for route handlers and other server code. Importing
// 'server-only' makes the build fail if a client component ever imports it.
export const adminClient = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
