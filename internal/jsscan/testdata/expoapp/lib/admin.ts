import { createClient } from '@dypai/client'

// Imported by a screen: the construction runs on every user's device.
export const admin = createClient(process.env.EXPO_PUBLIC_DYPAI_URL!, process.env.DYPAI_API_KEY) // want DYP101
