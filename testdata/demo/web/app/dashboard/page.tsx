'use client'

import { useEffect, useState } from 'react'
import { dypai } from '@/lib/dypai'
import { exportReports } from '@/lib/admin'
import { formatTotal, listMyOrders, type Order } from '@/lib/orders'
import { Checkout } from '@/components/Checkout'
import { ErpStatus } from '@/components/ErpStatus'
import { Assistant } from '@/components/Assistant'
import { requestErpSync } from '../actions'

type Profile = { id: string; full_name: string; email: string }

export default function DashboardPage() {
  const [profile, setProfile] = useState<Profile | null>(null)
  const [orders, setOrders] = useState<Order[]>([])

  useEffect(() => {
    dypai.api.get('get_profile').then(({ data }) => setProfile(data as Profile))
    listMyOrders().then(setOrders)
  }, [])

  if (!profile) return <p>Loading…</p>

  const thisMonth = new Date().toISOString().slice(0, 7)
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString()

  return (
    <main>
      <h1>Hello, {profile.full_name}</h1>
      <ul>
        {orders.map((o) => (
          <li key={o.id}>
            {o.created_at}: {formatTotal(o.total_cents)} ({o.status})
          </li>
        ))}
      </ul>
      <Checkout userId={profile.id} items={[{ sku: 'mug-01', qty: 1 }]} />
      <button onClick={() => exportReports(thisMonth)}>Export this month</button>
      <button onClick={() => requestErpSync(yesterday)}>Sync ERP orders</button>
      <ErpStatus />
      <Assistant />
    </main>
  )
}
