import Link from 'next/link'
import { SignInForm } from '@/components/SignInForm'

// A server component: rendered on the server, its code never reaches the browser.
export default function HomePage() {
  return (
    <main>
      <h1>Acme Shop</h1>
      <SignInForm />
      <p>
        <Link href="/dashboard">Go to your dashboard</Link>
      </p>
    </main>
  )
}
