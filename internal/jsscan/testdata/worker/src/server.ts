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

// Other ways middleware hands over the user.
app.post('/orders/:id/cancel', async (req, res) => {
  const uid = (req as any).userId
  if (!uid) return res.status(401).end()
  await adminClient().api.post('refund_order', { order_id: req.params.id }) // want DYP301
  res.json({ ok: true })
})

app.post('/orders/:id/hold', async (req, res) => {
  const { authUser } = req as any
  if (!authUser) return res.status(401).end()
  await adminClient().api.post('refund_order', { order_id: req.params.id }) // want DYP301
  res.json({ ok: true })
})

app.post('/orders/:id/flag', async ({ user, params }: any, res) => {
  if (!user) return res.status(401).end()
  await adminClient().api.post('refund_order', { order_id: params.id }) // want DYP301
  res.json({ ok: true })
})

// The user agent is not the user.
app.post('/telemetry', async (req, res) => {
  const agent = req.headers['user-agent'] ?? (req as any).userAgent
  await adminClient().api.post('sync_erp_orders', { since: String(agent) })
  res.json({ ok: true })
})

app.listen(3000)
