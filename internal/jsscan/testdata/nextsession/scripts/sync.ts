import { admin } from '../lib/admin'

// A Node script: a service token is not a user's session.
async function getToken() {
  return process.env.SERVICE_TOKEN
}

async function main() {
  const token = await getToken()
  if (!token) throw new Error('no token')
  await admin.api.post('sync_orders')
}

main()
