import type { AppProps } from 'next/app'
import { useEffect, useState } from 'react'
import { client } from '../lib/dypai'

export default function App({ Component, pageProps }: AppProps) {
  const [setting, setSetting] = useState(false)
  useEffect(() => {
    client.auth.onAuthStateChange((evt, session) => {
      switch (evt) {
        case 'SIGNED_IN':
          break
        case 'PASSWORD_RECOVERY':
          setSetting(true)
          break
      }
    })
  }, [])
  return setting ? <p>choose a password</p> : <Component {...pageProps} />
}
