import { Form } from 'react-router'
import { createClient } from '@dypai/client'
import type { Route } from './+types/orders'

// The route module's component ships: this runs in the browser.
const browserAdmin = createClient(import.meta.env.VITE_DYPAI_URL, process.env.DYPAI_API_KEY) // want DYP101

export const action = async ({ request }: Route.ActionArgs) => {
  const form = await request.formData()
  // ok for DYP101: the action runs on the server; but an API-key call
  // sending the user's identity is still reported from the server build.
  const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
  return admin.api.post('create_order', { user_id: form.get('userId') }) // want DYP301
}

export default function Orders() {
  return <Form method="post" onChange={() => browserAdmin.api.get('list_orders')}><button>order</button></Form>
}
