'use client'
import { createAdmin, createUser, makeAdmin } from '../lib/dypai-helpers'

const admin = createAdmin(process.env.NEXT_PUBLIC_DYPAI_URL!, process.env.DYPAI_API_KEY) // want DYP101
const user = createUser(process.env.NEXT_PUBLIC_DYPAI_URL!)
const noKey = createAdmin(process.env.NEXT_PUBLIC_DYPAI_URL!, undefined)

function load() {
  admin.api.get('get_profile') // want DYP301
  user.api.get('get_profile')
  noKey.api.get('get_profile')
  makeAdmin()
}

export function HelperAdmin() {
  return <button onClick={load}>go</button>
}
