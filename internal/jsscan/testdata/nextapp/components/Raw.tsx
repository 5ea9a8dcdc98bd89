'use client'
import axios from 'axios'

export async function load(id: string) {
  await fetch('/api/thing', { headers: { 'x-api-key': process.env.NEXT_PUBLIC_DYPAI_APIKEY! } }) // want DYP101 DYP102
  await axios.post('https://x.dypai.dev/api/thing', { id }, { headers: { 'X-Api-Key': 'dyp_live_0123456789abcdef' } }) // want DYP101
  await fetch('/api/thing', { headers: { Authorization: 'Bearer token' } }) // ok: a jwt request
}
