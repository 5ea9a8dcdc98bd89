import { createClient } from '@dypai/client'
import { endpoints } from '@gen/endpoints'
import { keyFor } from '@/lib/keys'

// @gen/endpoints is reported once for the project, at its first import in
// path order (src/lib/keys.ts); this one is silent.
export const admin = createClient(endpoints.url, keyFor('admin')) // want DYP101
