import { dypai } from '../api/client'

export function useOrders(): string[] {
  const userId = localStorage.getItem('uid')
  const payload = { items: ['x'], userId }
  void dypai.api.post('create_order', payload) // want DYP201
  void dypai.api.get('get_profile') // ok
  return []
}
