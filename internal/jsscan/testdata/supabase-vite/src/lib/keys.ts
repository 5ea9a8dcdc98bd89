// A helper function returning the key: a literal service-role JWT.
export function serviceRoleKey() {
  return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImZpeHR1cmVwcm9qZWN0cmVmMDAiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9.c2lnbmF0dXJlLW5vdC1jaGVja2VkLWZpeHR1cmUtb25seQ";
}

export function anonKey(): string {
  return import.meta.env.VITE_SUPABASE_ANON_KEY;
}
