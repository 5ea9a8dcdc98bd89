// The key reaches createClient through a config object (src/lib/reports.ts).
export const appConfig = {
  supabase: {
    url: import.meta.env.VITE_SUPABASE_URL,
    anonKey: import.meta.env.VITE_SUPABASE_ANON_KEY,
    serviceRoleKey: import.meta.env.VITE_SUPABASE_SERVICE_KEY, // want DYP102
  },
};
