'use server'
import { getServerSession } from 'next-auth'
import { admin } from '@/lib/admin'
import { getUser } from '@/lib/users'

const authOptions = { providers: [] }

export async function archiveOrder(id: string) {
  const session = await getServerSession(authOptions)
  if (!session) throw new Error('sign in first')
  await admin.api.post('archive_order', { id }) // want DYP301
}

// getUser(id) looks a user up by id; no session is read here.
export async function statsFor(id: string) {
  const user = await getUser(id)
  return admin.api.get('get_stats', { id: user.id })
}
