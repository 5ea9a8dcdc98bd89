import { Text, Pressable } from 'react-native'
import { admin } from '../../lib/admin'

export default function Home() {
  const sync = () => admin.api.post('nightly_sync', {})
  return <Pressable onPress={sync}><Text>sync</Text></Pressable>
}
