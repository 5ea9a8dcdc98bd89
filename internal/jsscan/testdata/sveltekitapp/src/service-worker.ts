import { createClient } from '@dypai/client'

// SvelteKit bundles the service worker for the browser.
const admin = createClient('https://api.example.com', import.meta.env.VITE_DYPAI_API_KEY) // want DYP101 DYP102

self.addEventListener('sync', () => admin.api.post('sync_erp_orders', {}))
