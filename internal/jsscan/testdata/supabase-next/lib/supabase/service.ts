import { createServerClient } from '@supabase/ssr';

// Service-role clients for server code.
export function createServiceClient() {
  return createServerClient( // want DYP101
    process.env.NEXT_PUBLIC_SUPABASE_URL!,
    process.env.SUPABASE_SERVICE_ROLE_KEY!,
    { cookies: { getAll: () => [], setAll: () => {} } },
  );
}

// Through a project env helper.
function requireEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing ${name}`);
  return v;
}

export function createAuditClient() {
  return createServerClient(requireEnv('NEXT_PUBLIC_SUPABASE_URL'), requireEnv('SUPABASE_SERVICE_ROLE_KEY'), { // want DYP101
    cookies: { getAll: () => [], setAll: () => {} },
  });
}

export function createAnonClient() {
  return createServerClient(requireEnv('NEXT_PUBLIC_SUPABASE_URL'), requireEnv('NEXT_PUBLIC_SUPABASE_ANON_KEY'), {
    cookies: { getAll: () => [], setAll: () => {} },
  });
}
