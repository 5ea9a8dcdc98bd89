import { createClient } from '@dypai/client'

export async function GET() {
  const dypai = createClient(process.env.DYPAI_URL!)
  dypai.auth.onAuthStateChange((event) => {
    if (event === 'PASSWORD_RECOVERY') console.log('on the server: no screen to show')
  })
  return new Response(null)
}
