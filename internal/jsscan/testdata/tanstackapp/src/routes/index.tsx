import { createFileRoute } from '@tanstack/react-router'
import { createServerFn } from '@tanstack/react-start'
import { createClient } from '@dypai/client'
import { admin } from '../server/admin'

// ok for DYP101: a server function's handler runs on the server only.
const syncOrders = createServerFn({ method: 'POST' })
  .validator((d: { userId: string }) => d)
  .handler(async ({ data }) => {
    const k = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
    await k.api.post('nightly_sync', {})
    // the server build still sees the handler: an API-key call sending the user's identity
    return admin.api.post('create_order', { user_id: data.userId }) // want DYP301
  })

// At the top level of a route module: it ships.
const browserAdmin = createClient(import.meta.env.VITE_DYPAI_URL, import.meta.env.VITE_DYPAI_API_KEY) // want DYP101 DYP102

export const Route = createFileRoute('/')({
  // Route loaders run in the browser too, on client-side navigation.
  loader: () => createClient(import.meta.env.VITE_DYPAI_URL, process.env.DYPAI_API_KEY).api.get('list_orders'), // want DYP101
  component: Home,
})

function Home() {
  return <button onClick={() => syncOrders({ data: { userId: 'me' } }).then(() => browserAdmin.api.get('x'))}>sync</button>
}
