import { Stack } from 'expo-router'
import { dypai } from '../lib/dypai'

// The root layout ships in the app bundle like every screen.
export default function RootLayout() {
  return <Stack screenOptions={{ title: String(Boolean(dypai)) }} />
}
