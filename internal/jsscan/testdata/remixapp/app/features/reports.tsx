import { createClient } from '@dypai/client'

// A route declared in app/routes.ts.
export { loader } from '~/loaders/reports'

export default function Reports() {
  const admin = createClient(import.meta.env.VITE_DYPAI_URL, process.env.DYPAI_API_KEY) // want DYP101
  return <button onClick={() => admin.api.get('reports')}>reports</button>
}
