'use client'
import { dypai } from '@/lib/dypai'

export async function register(email: string, password: string) {
  await dypai.auth.signUp({ email, password }) // want DYP403
  await dypai.auth.signInWithPassword({ email, password }) // ok
}
