'use client'
import { createClient } from '@dypai/client'

const dypai = createClient(process.env.NEXT_PUBLIC_DYPAI_URL!)

export default function Home() {
  dypai.auth.onAuthStateChange(() => {})
  return <main />
}
