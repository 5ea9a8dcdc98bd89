// The tsconfig above does not parse: the project is still scanned, without it.
import { createClient } from '@dypai/client'
import { helper } from './helper'

export const admin = createClient('https://api.example.com', process.env.DYPAI_API_KEY) // want DYP101
helper()
