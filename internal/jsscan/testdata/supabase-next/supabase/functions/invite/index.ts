// A Supabase edge function (Deno): server code.
import { createClient } from 'npm:@supabase/supabase-js@2';

Deno.serve(async (req) => {
  const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  const { email } = await req.json();
  await admin.auth.admin.inviteUserByEmail(email);
  return new Response('ok');
});
