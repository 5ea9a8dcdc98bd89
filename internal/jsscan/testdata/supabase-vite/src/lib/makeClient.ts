import { createClient } from "@supabase/supabase-js";
import { SUPABASE_URL } from "@/integrations/supabase/client";

// A helper taking the key: what the callers pass decides.
export const makeClient = (key: string) => createClient(SUPABASE_URL, key, { auth: { persistSession: false } });
