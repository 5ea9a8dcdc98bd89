import { createFileRoute } from '@tanstack/react-router'
import { createServerOnlyFn } from '@tanstack/react-start'
import { createClient } from '@dypai/client'

// ok: server-only functions run on the server only.
const serverAdmin = createServerOnlyFn(() => createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY))

export const Route = createFileRoute('/hello')({
  // ok: a file route's server handlers are not in the client bundle.
  server: {
    handlers: {
      GET: async () => {
        const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
        return Response.json(await admin.api.get('hello'))
      },
    },
  },
  component: Hello,
})

function Hello() {
  // In a component: it ships.
  const c = createClient(import.meta.env.VITE_DYPAI_URL, process.env.DYPAI_API_KEY) // want DYP101
  return <button onClick={() => serverAdmin().api.get('x')}>{String(Boolean(c))}</button>
}
