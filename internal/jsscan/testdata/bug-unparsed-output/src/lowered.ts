import { dypai } from './client'

export const cache: Record<string, unknown> = {}

export function load(userId: string) {
  cache.orders ??= dypai.api.get('list_orders', { userId }) // want DYP201
  return cache.orders
}
