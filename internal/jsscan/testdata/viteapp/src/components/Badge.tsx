'use client'
import { createClient } from '@dypai/client'

const admin = createClient('https://api.example.com', process.env.DYPAI_API_KEY) // want DYP101

export function Badge() {
  return <span>{String(admin)}</span>
}
