'use client';

// A client component importing the service clients: reported where they
// are built (process.env.SUPABASE_SERVICE_ROLE_KEY has no public prefix,
// so it reads as undefined in the browser until someone adds one).
import { createAnonClient, createAuditClient, createServiceClient } from '@/lib/supabase/service';
import { inviteUser } from '@/app/actions';

export function AdminPanel() {
  const purge = () => createServiceClient().from('logs').delete().neq('id', 0);
  const audit = () => createAuditClient().from('audit').select();
  const mine = () => createAnonClient().from('todos').select();
  return (
    <div>
      <button onClick={purge}>purge</button>
      <button onClick={audit}>audit</button>
      <button onClick={mine}>mine</button>
      <button onClick={() => inviteUser('a@b.c')}>invite</button>
    </div>
  );
}
