import { createClient } from "@supabase/supabase-js";
import { appConfig } from "./config";

const { url, serviceRoleKey } = appConfig.supabase;

export const reportsClient = createClient(url, serviceRoleKey); // want DYP101

// The anon key from the same object: a user client.
export const publicClient = createClient(appConfig.supabase.url, appConfig.supabase.anonKey);
