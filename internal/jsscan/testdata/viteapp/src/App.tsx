import { dypai, admin } from '~/api/client'
import { useOrders } from './lib/orders'
import { settings } from './env'
import { Badge } from './components/Badge'

export function App() {
  const orders = useOrders()
  const sync = () => admin.api.post('nightly_sync', {}) // want DYP405
  const signUp = () => dypai.auth.signUp({ email: 'a@b.c', password: 'x' }) // ok: app: saas allows sign-up
  return <button title={settings.url} onClick={() => { sync(); signUp() }}>{orders.length}<Badge /></button>
}
