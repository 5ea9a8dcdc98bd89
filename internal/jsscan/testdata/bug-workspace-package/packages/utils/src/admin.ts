import { createClient } from '@dypai/client'

// No 'use client' here: only the app's client page makes it ship.
export const adminClient = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY) // want DYP101
