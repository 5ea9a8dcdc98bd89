'use client'
import { dypai } from '@/lib/dypai'

export async function directives(uid: string) {
  /* want DYP001 */ // dypai-ignore DYP201
  await dypai.api.post('create_order', { uid }) // want DYP201
  /* want DYP001 */ // dypai-ignore DYP404 this line has no unknown endpoint
  await dypai.api.get('get_profile')
}
