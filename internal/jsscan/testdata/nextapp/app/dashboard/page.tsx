'use client'
import { admin } from '@/lib/admin'
import { dypai } from '../../lib/dypai'
import { syncNow } from '../actions'

export default function Dashboard({ user }: { user: { id: string } }) {
  async function order(items: string[]) {
    await dypai.api.post('create_order', { items, user_id: user.id }) // want DYP201
    await dypai.api.post('create_order', { items }) // ok: no identity sent
    await dypai.api.post('delete_user', { user_id: user.id }) // ok: delete_user has allowed_roles
    await dypai.api.get('get_profil') // want DYP404
    await dypai.api.post('sync_erp_orders', {}) // want DYP405
    // dypai-ignore DYP201 support tool: agents place orders for customers
    await dypai.api.post('create_order', { items, userId: user.id })
    await syncNow()
  }
  return <button onClick={() => order(['a'])}>{String(Boolean(admin))}</button>
}
