import { createClient } from '@dypai/client'

// Called only from App.vue's template.
export function auditLink(): string {
  const admin = createClient('https://api.example.com', process.env.DYPAI_API_KEY) // want DYP101
  return String(admin)
}

// Exported but used nowhere: tree shaking drops it from the client bundle.
export function purgeAudit(): Promise<unknown> {
  const admin = createClient('https://api.example.com', process.env.DYPAI_API_KEY)
  return admin.api.post('purge_audit', {})
}
