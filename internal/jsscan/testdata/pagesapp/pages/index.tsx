import { browserAdmin } from '../lib/browserAdmin'

export default function Home() {
  const onClick = async () => {
    await browserAdmin().api.post('nightly_sync', {})
  }
  return <button onClick={onClick}>sync</button>
}
