import { createClient } from '@dypai/client'

// A folder route's index module ships like route.tsx.
const admin = createClient('https://api.example.com', process.env.DYPAI_API_KEY) // want DYP101

export default function Blog() {
  return <p>{String(admin)}</p>
}
