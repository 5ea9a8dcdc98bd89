// A lookup of some user by id: not the signed-in user's session.
export async function getUser(id: string) {
  return { id, name: 'someone' }
}
