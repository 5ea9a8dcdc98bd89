import type { NextApiRequest, NextApiResponse } from 'next'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const token = req.headers.authorization
  if (!token) return res.status(401).end()
  const r = await fetch(process.env.DYPAI_URL + '/api/list_orders', { // want DYP301
    headers: { 'X-API-KEY': process.env.DYPAI_API_KEY! },
  })
  res.json(await r.json())
}
