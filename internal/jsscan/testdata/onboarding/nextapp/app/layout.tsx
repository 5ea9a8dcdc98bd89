import { AuthListener } from '../components/AuthListener'

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html>
      <body>
        <AuthListener />
        {children}
      </body>
    </html>
  )
}
