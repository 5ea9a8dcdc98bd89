import { json } from '@sveltejs/kit'
import { createClient } from '@dypai/client'
import { env } from '$env/dynamic/private'

const admin = createClient('https://api.example.com', env.DYPAI_API_KEY)

export async function GET() {
  return json(await admin.api.get('list_orders'))
}
