'use client'

// Regression: in a monorepo (dub, cal.com…) apps import sibling workspace
// packages by name. A checkout has no node_modules, so those imports were
// left external like registry packages, and what an app's client code
// reached through them was not client-reachable. They are now resolved to
// the packages' sources (package.json exports/main point at dist/, which
// is mapped back to src/).
import { Button } from '@acme/ui'
import { adminClient } from '@acme/utils/admin'
import { formatDate } from '@acme/utils'

export default function Page() {
  return <Button onClick={() => adminClient.api.post('sync_orders', {})}>{formatDate(new Date())}</Button>
}
