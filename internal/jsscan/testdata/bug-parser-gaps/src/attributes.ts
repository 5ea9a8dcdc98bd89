// Import attributes, on a bundled JSON file and on an external module.
import settings from './settings.json' with { type: 'json' }
import external from 'some-config/config.json' with { type: 'json' }
import { createClient } from '@dypai/client'

export { settings, external }

export const admin = createClient(settings.url, import.meta.env.VITE_DYPAI_API_KEY) // want DYP101 DYP102
