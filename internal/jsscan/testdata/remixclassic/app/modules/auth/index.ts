// A barrel shared by loaders and components: a supported pattern with the
// classic compiler.
export { signIn } from './service.server'
export { SignInForm } from './form'
