import { createClient } from '@supabase/supabase-js';

// The same admin module as in a Vite app, but only a route handler imports
// it: server code, silent.
export const supabaseAdmin = createClient(
  process.env.NEXT_PUBLIC_SUPABASE_URL!,
  process.env.SUPABASE_SERVICE_ROLE_KEY!,
  { auth: { persistSession: false } },
);
