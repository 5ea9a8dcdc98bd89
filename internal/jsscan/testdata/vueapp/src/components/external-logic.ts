import { createClient } from '@dypai/client'

const admin = createClient(import.meta.env.VITE_DYPAI_URL, import.meta.env.VITE_DYPAI_KEY) // want DYP101

export default { data: () => ({ label: String(admin) }) }
