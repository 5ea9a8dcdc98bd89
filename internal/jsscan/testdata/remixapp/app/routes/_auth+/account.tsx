import { createClient } from '@dypai/client'

// remix-flat-routes: files in "+" folders are route modules.
const admin = createClient('https://api.example.com', process.env.DYPAI_API_KEY) // want DYP101

export default function Account() {
  return <p>{String(admin)}</p>
}
