import type { ActionFunctionArgs } from '@remix-run/node'
import { SignInForm, signIn } from '~/modules/auth'

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  await signIn(String(form.get('email')))
  return null
}

export default function Login() {
  return <SignInForm />
}
