import { Text } from 'react-native'
import { createClient } from '@dypai/client'

export default function Settings() {
  // An EXPO_PUBLIC_ variable is inlined into the app bundle on every device.
  const keyed = createClient(process.env.EXPO_PUBLIC_DYPAI_URL!, process.env.EXPO_PUBLIC_DYPAI_API_KEY) // want DYP101 DYP102
  return <Text>{String(Boolean(keyed))}</Text>
}
