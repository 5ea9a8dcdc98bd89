// Regression (vercel/nextjs-subscription-payments types_db.ts, review_app,
// tvet-connect-kenya): a module saved as UTF-16 with a byte order mark made
// the whole run fail ("unexpected \xff"). It is read converted to UTF-8, so
// the key it holds is followed here.
import { createClient } from "@supabase/supabase-js";
import { settings } from "./settings";

export const admin = createClient(settings.url, settings.serviceRoleKey); // want DYP101
