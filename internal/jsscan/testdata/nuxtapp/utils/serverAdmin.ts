import { createClient } from '@dypai/client'

// Auto-importable, but only a server route uses it: Nuxt does not bundle it
// for the browser.
export const serverAdmin = createClient('https://api.example.com', process.env.DYPAI_API_KEY)
