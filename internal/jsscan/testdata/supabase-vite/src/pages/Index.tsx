import { supabase } from "@/integrations/supabase/client";

export default function Index() {
  const add = async (userId: string) => {
    // A user client writing the caller's row under RLS: no DYP201 on supabase.
    await supabase.from("todos").insert({ title: "x", user_id: userId });
    await supabase.auth.signUp({ email: "a@b.c", password: "pw" });
  };
  return <button onClick={() => add("u")}>add</button>;
}
