import { createClient } from "@supabase/supabase-js";

// A class holding the key in a field, and a conditional choosing a key.
class UnitMetaService {
  supabaseUrl: string;
  supabaseServiceKey: string;

  constructor() {
    this.supabaseUrl = import.meta.env.VITE_SUPABASE_URL;
    this.supabaseServiceKey = readKey();
  }

  client() {
    return createClient(this.supabaseUrl, this.supabaseServiceKey); // want DYP101
  }

  devClient() {
    const key = import.meta.env.DEV ? import.meta.env.VITE_SUPABASE_SECRET_KEY : import.meta.env.VITE_SUPABASE_ANON_KEY; // want DYP102
    return createClient(this.supabaseUrl, key); // want DYP101
  }

  userClient() {
    const key = import.meta.env.DEV ? import.meta.env.VITE_SUPABASE_ANON_KEY : import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;
    return createClient(this.supabaseUrl, key);
  }
}

declare function readKey(): string;

export const unitMeta = new UnitMetaService();
