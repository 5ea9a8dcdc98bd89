'use client'
import { createClient } from '@dypai/client'
import { settings as remote } from '../lib/remote-settings'

declare function readKey(): string
const settings = { url: process.env.NEXT_PUBLIC_DYPAI_URL!, adminKey: readKey() }

// The message names settings.adminKey as written here, not esbuild's rename.
export const admin = createClient(settings.url, settings.adminKey) // want DYP101

export function Collide() {
  return <p>{remote.region}{String(admin)}</p>
}
