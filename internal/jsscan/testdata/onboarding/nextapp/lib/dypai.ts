import { createClient as makeClient } from '@dypai/client'

export const dypai = makeClient(process.env.NEXT_PUBLIC_DYPAI_URL!)
