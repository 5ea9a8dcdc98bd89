import { createClient } from '@dypai/client'

// A .js file with JSX elsewhere in the project is fine too.
export const dypai = createClient(process.env.NEXT_PUBLIC_DYPAI_URL)
