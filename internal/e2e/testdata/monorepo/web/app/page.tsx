'use client'
import { dypai } from '../lib/dypai'

export default function Page({ user }: any) {
  const order = () => dypai.api.post('create_order', { user_id: user.id, items: 1 }) // want DYP201
  return <button onClick={order}>Order</button>
}
