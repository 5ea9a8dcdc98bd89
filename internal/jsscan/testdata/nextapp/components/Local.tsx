'use client'

// ok: a local function that merely shares the SDK's name.
function createClient(url: string, key: string) {
  return { url, key }
}

export function Local() {
  const c = createClient('https://example.com', 'not-a-dypai-key')
  return <p>{c.url}</p>
}
