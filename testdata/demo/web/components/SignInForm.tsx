'use client'

import { useState, type FormEvent } from 'react'
import { dypai } from '@/lib/dypai'

// Sign in, or sign up: acme shop is a SaaS app with self sign-up.
export function SignInForm() {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [fullName, setFullName] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function signIn(e: FormEvent) {
    e.preventDefault()
    const { error } = await dypai.auth.signInWithPassword({ email, password })
    setError(error ? error.message : null)
  }

  async function signUp() {
    const { error } = await dypai.auth.signUp({ email, password, full_name: fullName })
    setError(error ? error.message : null)
  }

  return (
    <form onSubmit={signIn}>
      <input value={email} onChange={(e) => setEmail(e.target.value)} placeholder="Email" />
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder="Password" />
      <input value={fullName} onChange={(e) => setFullName(e.target.value)} placeholder="Full name (sign-up)" />
      <button type="submit">Sign in</button>
      <button type="button" onClick={signUp}>
        Create account
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  )
}
