import { createClient } from "@supabase/supabase-js";
import { SUPABASE_URL } from "@/integrations/supabase/client";
import { anonKey, serviceRoleKey } from "./keys";

export const storageAdmin = createClient(SUPABASE_URL, serviceRoleKey()); // want DYP101
export const storageUser = createClient(SUPABASE_URL, anonKey());
