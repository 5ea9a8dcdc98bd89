'use client';

import { createClient } from '@supabase/supabase-js';

// The service-role key under a public name in a client component.
const supabaseService = createClient( // want DYP101
  process.env.NEXT_PUBLIC_SUPABASE_URL!,
  process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY!, // want DYP102
  { auth: { persistSession: false, autoRefreshToken: false } },
);

export function Leaky() {
  return <button onClick={() => supabaseService.storage.from('boqs').upload('f', new Blob())}>upload</button>;
}
