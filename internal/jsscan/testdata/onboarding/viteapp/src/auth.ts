import { createClient } from '@dypai/sdk'

const RECOVERY = 'PASSWORD_RECOVERY'
const dypai = createClient(import.meta.env.VITE_DYPAI_URL)

function onAuth(change: string) {
  if (RECOVERY == change) {
    window.location.hash = '#/set-password'
  }
}

export function watchInvites() {
  dypai.auth.onAuthStateChange(onAuth)
}
