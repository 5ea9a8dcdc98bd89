import { createClient } from '@dypai/client'
import { bus } from './bus'

const dypai = createClient(import.meta.env.VITE_DYPAI_URL)

// Another event.
dypai.auth.onAuthStateChange((event) => {
  if (event === 'SIGNED_IN') console.log('welcome')
})

// The event compared with something that is not the callback's event.
dypai.auth.onAuthStateChange((event, session) => {
  const kind = session?.user?.app_metadata?.kind
  if (kind === 'PASSWORD_RECOVERY') console.log(event)
})

// The name shadowed by an inner function's own parameter.
dypai.auth.onAuthStateChange((event) => {
  ;['PASSWORD_RECOVERY'].forEach((event) => {
    if (event === 'PASSWORD_RECOVERY') console.log('not the auth event')
  })
})

// onAuthStateChange of an object that is not an SDK client.
bus.auth.onAuthStateChange((event: string) => {
  if (event === 'PASSWORD_RECOVERY') console.log('bus')
})
