// Regression (issue 16): the deprecated auth helpers wrap the same client.
import { createClient } from '@supabase/auth-helpers-sveltekit'
import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'
import { PUBLIC_SUPABASE_URL } from '$env/static/public'

const serviceRoleKey = import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY // want DYP102
export const admin = createClient(PUBLIC_SUPABASE_URL, serviceRoleKey) // want DYP101
export const viaOptions = createClientComponentClient({ supabaseUrl: PUBLIC_SUPABASE_URL, supabaseKey: serviceRoleKey }) // want DYP101

// Look-alikes: the anon key, in both forms.
export const anon = createClient(PUBLIC_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)
export const anonOptions = createClientComponentClient({ supabaseUrl: PUBLIC_SUPABASE_URL, supabaseKey: import.meta.env.VITE_SUPABASE_ANON_KEY })
