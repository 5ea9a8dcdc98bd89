import express from 'express'
import { adminClient } from './client'

const app = express()

// Authentication middleware put the signed-in user on the request.
app.post('/orders/:id/refund', async (req, res) => {
  const user = (req as any).user
  if (!user) return res.status(401).end()
  await adminClient().api.post('refund_order', { order_id: req.params.id }) // want DYP301
  res.json({ ok: true })
})

// A webhook authenticated by its signature: no user.
app.post('/webhooks/erp', async (req, res) => {
  if (req.headers['x-erp-signature'] !== process.env.ERP_SECRET) return res.status(403).end()
  await adminClient().api.post('sync_erp_orders', { since: req.body.since })
  res.json({ ok: true })
})

// Koa-style state.
export async function koaHandler(ctx: { state: { user?: { id: string } } }) {
  if (!ctx.state.user) return
  await adminClient().api.post('sync_erp_orders', { since: 'now' }) // want DYP301
}

app.listen(3000)
