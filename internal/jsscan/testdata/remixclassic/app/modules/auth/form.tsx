export function SignInForm() {
  return <form method="post"><input name="email" /></form>
}
