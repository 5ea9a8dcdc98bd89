// A Node script, not browser code: no DYP101. The VITE_ name is still
// reported (DYP102): Vite inlines any VITE_ variable a module reads.
import { createClient } from '@supabase/supabase-js'
import { config } from 'dotenv'

config({ path: '.env.local' })

const supabase = createClient(
  process.env.VITE_SUPABASE_URL,
  process.env.VITE_SUPABASE_SERVICE_ROLE_KEY, // want DYP102
  { auth: { autoRefreshToken: false, persistSession: false } },
)

const { data } = await supabase.from('projects').select('id')
console.log(data)
