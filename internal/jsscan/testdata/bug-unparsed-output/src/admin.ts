import { createClient } from '@dypai/client'

// Reached only through the file that cannot be analysed: still reported.
export const admin = createClient('https://x.dypai.dev', process.env.DYPAI_API_KEY) // want DYP101
