import { createRootRoute, Outlet } from '@tanstack/react-router'
import { dypai } from '../lib/dypai'
import { audit, backend } from '../lib/auth'

export const Route = createRootRoute({
  component: () => <main data-user={String(Boolean(dypai))} data-b={String(Boolean(backend()))}><Outlet /></main>,
})

export const middleware = [audit]
