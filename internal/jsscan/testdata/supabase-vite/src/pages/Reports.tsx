import { reportsClient, publicClient } from "@/lib/reports";
import { storageAdmin, storageUser } from "@/lib/storage";

export default function Reports() {
  const run = () => Promise.all([reportsClient.from("r").select(), publicClient.from("r").select(), storageAdmin.storage.listBuckets(), storageUser.storage.from("b").list()]);
  return <button onClick={run}>run</button>;
}
