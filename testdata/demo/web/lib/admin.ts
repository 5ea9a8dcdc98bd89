import { createClient } from '@dypai/client'

// Helpers for the ops part of the dashboard.
const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY) // DYP101: app/dashboard/page.tsx ('use client') imports this module

export async function exportReports(month: string) {
  const { data, error } = await admin.api.get('export_reports', { month })
  if (error) throw error
  return data
}
