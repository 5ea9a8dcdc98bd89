import { makeClient } from "@/lib/makeClient";

const user = makeClient(import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY);
const admin = makeClient(import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY); // want DYP101 DYP102

export default function Uploads() {
  return <button onClick={() => Promise.all([user.storage.from("b").list(), admin.storage.listBuckets()])}>list</button>;
}
