import { supabaseAdmin } from "@/integrations/supabase/admin";

export default function AdminUsers() {
  const load = () => supabaseAdmin.auth.admin.listUsers();
  return <button onClick={load}>users</button>;
}
