import { admin } from '~/lib/admin.server'

// Client code importing a .server module: the React Router build fails
// (reported as an input error, not as DYP101).
export default function Settings() {
  return <button onClick={() => admin.api.post('nightly_sync', {})}>sync</button>
}
