'use client';

// A client component importing the service client: reported where it is
// built (the variable has no public prefix, so it reads as undefined in
// the browser until someone adds one).
import { createServiceClient } from '@/lib/supabase/service';
import { inviteUser } from '@/app/actions';

export function AdminPanel() {
  const purge = () => createServiceClient().from('logs').delete().neq('id', 0);
  return (
    <div>
      <button onClick={purge}>purge</button>
      <button onClick={() => inviteUser('a@b.c')}>invite</button>
    </div>
  );
}
