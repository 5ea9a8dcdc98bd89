import { supabase, SUPABASE_URL, SUPABASE_PUBLISHABLE_KEY } from "@/integrations/supabase/client";

const serviceKey = String(import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY ?? "").trim(); // want DYP102

export default function EdgeCall() {
  const call = async () => {
    const { data: { session } } = await supabase.auth.getSession();
    // The anon key and the user's JWT: silent.
    await fetch(`${SUPABASE_URL}/functions/v1/hello`, {
      method: "POST",
      headers: {
        apikey: SUPABASE_PUBLISHABLE_KEY,
        Authorization: `Bearer ${session?.access_token}`,
      },
    });
    // The service-role key in the raw-HTTP header forms.
    await fetch(`${SUPABASE_URL}/rest/v1/profiles?select=*`, {
      headers: {
        apikey: serviceKey, // want DYP101
        Authorization: `Bearer ${serviceKey}`, // want DYP101
      },
    });
    const xhr = new XMLHttpRequest();
    xhr.open("GET", `${SUPABASE_URL}/rest/v1/audit`);
    xhr.setRequestHeader("Authorization", "Bearer " + serviceKey); // want DYP101
    xhr.setRequestHeader("Authorization", "Bearer " + session?.access_token);
    xhr.send();
  };
  return <button onClick={call}>call</button>;
}
