import { createClient } from '@dypai/client'

// The classic compiler empties .server modules in the browser bundle.
export const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

export async function signIn(email: string) {
  return admin.api.post('sign_in_link', { email })
}
