'use server';

import { createClient } from '@supabase/supabase-js';

// A server action: its body never ships, even though a client component
// imports it.
export async function inviteUser(email: string) {
  const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);
  await admin.auth.admin.inviteUserByEmail(email);
}
