#!/usr/bin/env node
import cron from 'node-cron'
import { adminClient } from './client'
import { refund } from './jobs/refund'

// ok: src/index.ts of a Node project is not a browser entry point.
cron.schedule('0 * * * *', async () => {
  const admin = adminClient()
  await admin.api.post('sync_erp_orders', { since: new Date().toISOString() }) // ok
  await admin.api.get('get_profile') // want DYP301
  await admin.api.post('sync_erp_ordrs', {}) // want DYP404
  await refund('o1', 'u1')
})
