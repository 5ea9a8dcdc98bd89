import { Outlet } from '@remix-run/react'
import { track } from '~/lib/analytics'

export default function App() {
  return <Outlet context={{ track }} />
}
