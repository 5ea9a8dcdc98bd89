'use client'

import { useState } from 'react'
import { dypai } from '../lib/dypai'

type Item = { sku: string; qty: number }

export function Checkout({ userId, items }: { userId: string; items: Item[] }) {
  const [note, setNote] = useState('')
  const [status, setStatus] = useState<string | null>(null)

  async function placeOrder() {
    const { error } = await dypai.api.post('create_order', { user_id: userId, items, note }) // DYP201: create_order knows the caller already
    setStatus(error ? 'Could not place the order' : 'Order placed')
  }

  return (
    <section>
      <textarea value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note for the shop" />
      <button onClick={placeOrder}>Place order</button>
      {status && <p>{status}</p>}
    </section>
  )
}
