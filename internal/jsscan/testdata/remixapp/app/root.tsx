import { Outlet } from 'react-router'
import { dypai } from '~/lib/dypai'

export default function App() {
  return <main data-user={String(Boolean(dypai))}><Outlet /></main>
}
