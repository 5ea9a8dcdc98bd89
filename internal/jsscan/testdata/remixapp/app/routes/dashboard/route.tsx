import { panel } from './admin-panel'
import { loadStats } from './stats'

export { loadStats as loader }

export default function Dashboard() {
  return <section>{panel()}</section>
}
