'use client'

import { useState } from 'react'

const SYNC_URL = process.env.NEXT_PUBLIC_ERP_SYNC_URL ?? ''
const ERP_KEY = process.env.NEXT_PUBLIC_DYPAI_API_KEY ?? '' // DYP102: a public env var holding the API key

// Lets ops staff kick the ERP webhook from the dashboard.
export function ErpStatus() {
  const [status, setStatus] = useState('idle')

  async function resync() {
    setStatus('syncing')
    const res = await fetch(SYNC_URL, { method: 'POST', headers: { 'X-API-KEY': ERP_KEY } }) // DYP101: an X-API-KEY request from the browser
    setStatus(res.ok ? 'done' : 'failed')
  }

  return (
    <section>
      <button onClick={resync}>Resync ERP</button> <span>{status}</span>
    </section>
  )
}
