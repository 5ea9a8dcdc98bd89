import { AdminPanel } from '@/components/AdminPanel';
import { Leaky } from '@/components/Leaky';
import { SignUpForm } from '@/components/SignUpForm';
import { createClient } from '@/lib/supabase/server';

export default async function Page() {
  const supabase = createClient();
  const { data } = await supabase.from('todos').select();
  return (
    <main>
      <pre>{JSON.stringify(data)}</pre>
      <AdminPanel />
      <Leaky />
      <SignUpForm />
    </main>
  );
}
