import { createClient } from '@dypai/client'

const dypai = createClient(import.meta.env.VITE_DYPAI_URL)

// Signs staff in and out, but an invitation link (PASSWORD_RECOVERY) falls
// through: the invited user lands on the sign-in form with no password.
dypai.auth.onAuthStateChange((event) => {
  if (event === 'SIGNED_OUT') showSignIn()
})

document.querySelector<HTMLFormElement>('#sign-in')!.addEventListener('submit', async (e) => {
  e.preventDefault()
  const form = new FormData(e.currentTarget as HTMLFormElement)
  await dypai.auth.signInWithPassword({ email: String(form.get('email')), password: String(form.get('password')) })
  const { data } = await dypai.api.get('list_refunds')
  document.querySelector('#refunds')!.textContent = JSON.stringify(data)
})

function showSignIn() {
  document.querySelector<HTMLFormElement>('#sign-in')!.hidden = false
}
