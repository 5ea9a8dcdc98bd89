import { createClient } from '@dypai/client'

// The browser's client: a user (jwt) client. It signs users in and sends
// their session with every call; it never holds the API key.
export const dypai = createClient(process.env.NEXT_PUBLIC_DYPAI_URL!)
