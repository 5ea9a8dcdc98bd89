import { adminClient } from '../client'

export async function refund(orderId: string, customerId: string) {
  const res = await fetch(`${process.env.DYPAI_URL}/api/refund_order?order_id=${orderId}`, {
    headers: { 'x-api-key': process.env.DYPAI_API_KEY ?? '' },
  }) // ok: no identity
  const admin = adminClient()
  await admin.api.post(`refund_order`, { order_id: orderId, uid: customerId }) // want DYP301
  // dypai-ignore DYP301 the refund is for the customer named by the payment provider's webhook
  await admin.api.post('refund_order', { order_id: orderId, user_id: customerId })
  return res.ok
}
