import type { NextApiRequest, NextApiResponse } from 'next'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const userId = String(req.query.userId)
  // ok: an API-key request from an API route
  await fetch(`${process.env.DYPAI_URL}/api/nightly_sync`, { method: 'POST', headers: { 'X-API-KEY': process.env.DYPAI_API_KEY! } })
  // an API-key request sending the user's identity
  await fetch(`${process.env.DYPAI_URL}/api/create_order`, { // want DYP301
    method: 'POST',
    headers: { 'X-API-KEY': process.env.DYPAI_API_KEY!, 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId, items: [] }),
  })
  res.status(200).json({ ok: true })
}
