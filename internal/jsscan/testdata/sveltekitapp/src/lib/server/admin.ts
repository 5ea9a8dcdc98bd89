import { createClient } from '@dypai/client'
import { DYPAI_API_KEY } from '$env/static/private'

export const admin = createClient('https://api.example.com', DYPAI_API_KEY)
