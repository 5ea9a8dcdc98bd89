'use client';

import { createClient } from '@/lib/supabase/client';

export function SignUpForm() {
  const supabase = createClient();
  // app: private, but Supabase has no manifest: DYP403 is silent.
  const submit = () => supabase.auth.signUp({ email: 'a@b.c', password: 'pw' });
  const save = (userId: string) => supabase.from('profiles').upsert({ id: userId, user_id: userId });
  return <form onSubmit={submit} onChange={() => save('u')} />;
}
