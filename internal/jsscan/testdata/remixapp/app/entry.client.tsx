import { startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { HydratedRouter } from 'react-router/dom'
import { reportError } from '~/lib/telemetry'

window.addEventListener('error', (e) => reportError(String(e.message)))
startTransition(() => { hydrateRoot(document, <HydratedRouter />) })
