import { useLoaderData } from 'react-router'
import { createClient } from '@dypai/client'
import { admin } from '~/lib/admin.server'
import { db } from '~/.server/db'
import { serverAdmin } from '~/lib/keys'

// ok for DYP101: used only by the loader, so the client build drops it
// together with the loader.
const loaderAdmin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)

function load() {
  return Promise.all([admin.api.get('list_all_orders'), db.api.get('list_all_orders'), serverAdmin.api.get('x'), loaderAdmin.api.get('y')])
}

export async function loader() {
  return { orders: await load() }
}

export const headers = () => ({ 'Cache-Control': 'max-age=60' })

export default function Index() {
  const { orders } = useLoaderData<typeof loader>()
  return <p>{String(orders)}</p>
}
