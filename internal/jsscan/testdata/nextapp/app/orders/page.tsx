// ok: a server component; it is not client code.
import { serverAdmin } from '@/lib/server-admin'
import { Renamed } from '@/components/Renamed'
import { Namespace } from '@/components/Namespace'
import { Local } from '@/components/Local'
import { load } from '@/components/Raw'
import { register } from '@/components/SignUp'
import { directives } from '@/components/Directives'

export default async function Orders() {
  const r = await serverAdmin.api.post('sync_erp_orders', { since: 'x' })
  return <div>{String(r)}{String([Renamed, Namespace, Local, load, register, directives].length)}</div>
}
