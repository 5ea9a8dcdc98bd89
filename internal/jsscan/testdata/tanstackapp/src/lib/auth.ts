import { createIsomorphicFn, createMiddleware } from '@tanstack/react-start'
import { createClient } from '@dypai/client'

// ok: a middleware's server part runs on the server only.
export const audit = createMiddleware().server(async ({ next }) => {
  await createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY).api.post('audit_log', {})
  return next()
})

// An isomorphic function: the server implementation stays on the server,
// the client one ships.
export const backend = createIsomorphicFn()
  .server(() => createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY))
  .client(() => createClient(import.meta.env.VITE_DYPAI_URL, process.env.DYPAI_API_KEY)) // want DYP101
