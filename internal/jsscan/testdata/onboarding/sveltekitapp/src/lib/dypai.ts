import { createClient } from '@dypai/client'
import { PUBLIC_DYPAI_URL } from '$env/static/public'

export const dypai = createClient(PUBLIC_DYPAI_URL)
