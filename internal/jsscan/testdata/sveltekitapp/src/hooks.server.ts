import { createClient } from '@dypai/client'
import { DYPAI_API_KEY } from '$env/static/private'

const admin = createClient('https://api.example.com', DYPAI_API_KEY)

export async function handle({ event, resolve }) {
  event.locals.admin = admin
  return resolve(event)
}
