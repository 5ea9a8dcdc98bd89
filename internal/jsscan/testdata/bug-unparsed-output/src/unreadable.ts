import { admin } from './admin'

export const widget = {
  label: 'dypai-test-parser-gap',
  orders: () => admin.api.get('list_orders'),
}
