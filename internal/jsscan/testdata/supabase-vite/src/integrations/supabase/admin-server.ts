import { createClient } from '@supabase/supabase-js';

// No page imports this file (scripts use their own client): not in the
// browser bundle, and the variable has no public prefix.
export const supabaseAdmin = createClient(
  process.env.SUPABASE_URL!,
  process.env.SUPABASE_SERVICE_ROLE_KEY!,
);
