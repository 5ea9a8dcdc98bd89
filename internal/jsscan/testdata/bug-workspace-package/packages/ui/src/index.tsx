'use client'

import { createClient } from '@dypai/client'

const dypai = createClient('https://x.dypai.dev')

export function Button(props: { onClick: () => void; children: unknown }) {
  // Analysed by the ui package and again by the app: reported once.
  dypai.api.post('track_click', { user_id: 'me' }) // want DYP201
  // dypai-ignore DYP201 the endpoint takes the id of the user shown, not the caller
  dypai.api.post('view_profile', { user_id: 'them' })
  return <button onClick={props.onClick}>{String(props.children)}</button>
}
