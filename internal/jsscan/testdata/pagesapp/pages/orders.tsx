import type { GetServerSideProps } from 'next'
import { admin } from '../lib/admin'
import { dypai } from '../lib/dypai'
import { keyHeaders } from '../lib/headers'

type Props = { orders: string[] }

export default function Orders({ orders }: Props) {
  const load = () => dypai.api.get('list_orders?user_id=me') // want DYP201
  const raw = () => fetch('/x', { headers: keyHeaders })
  return <ul onClick={load} onKeyDown={raw}>{orders.map((o) => <li key={o}>{o}</li>)}</ul>
}

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  // ok for DYP101: server-side only. No manifest here, so no DYP301 for the endpoint's mode.
  const { data } = await admin.api.get('list_all_orders')
  return { props: { orders: data } }
}
