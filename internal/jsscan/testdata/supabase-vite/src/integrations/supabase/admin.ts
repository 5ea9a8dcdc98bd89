import { createClient } from '@supabase/supabase-js';
import type { Database } from './types';
import { SUPABASE_URL } from './client';

// Imported by src/pages/AdminUsers.tsx: the service-role key ships.
export const supabaseAdmin = createClient<Database>( // want DYP101
  SUPABASE_URL,
  import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY, // want DYP102
  {
    auth: {
      persistSession: false,
      autoRefreshToken: false,
    },
  }
);
