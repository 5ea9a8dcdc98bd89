// A real handler, in a module no client entry imports: it never ships.
import { createClient } from '@dypai/client'

const dypai = createClient(import.meta.env.VITE_DYPAI_URL)

dypai.auth.onAuthStateChange((event) => {
  if (event === 'PASSWORD_RECOVERY') window.location.assign('/set-password')
})
