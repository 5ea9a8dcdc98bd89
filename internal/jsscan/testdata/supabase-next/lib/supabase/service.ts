import { createServerClient } from '@supabase/ssr';

// A service-role client for server code, through a helper reading a
// project env helper.
function requireEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing ${name}`);
  return v;
}

export function createServiceClient() {
  return createServerClient( // want DYP101
    requireEnv('NEXT_PUBLIC_SUPABASE_URL'),
    requireEnv('SUPABASE_SERVICE_ROLE_KEY'),
    { cookies: { getAll: () => [], setAll: () => {} } },
  );
}
