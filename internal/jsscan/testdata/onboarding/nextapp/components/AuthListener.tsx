'use client'
import { useEffect } from 'react'
import { useRouter } from 'next/navigation'
import { dypai } from '../lib/dypai'

export function AuthListener() {
  const router = useRouter()
  useEffect(() => {
    const { data } = dypai.auth.onAuthStateChange((event: string) => {
      if (event === 'PASSWORD_RECOVERY') router.push('/set-password')
    })
    return () => data.subscription.unsubscribe()
  }, [router])
  return null
}
