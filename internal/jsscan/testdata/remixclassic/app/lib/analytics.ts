// Shipped by root.tsx: a key header here reaches every visitor.
export function track(event: string) {
  return fetch('/api/track', { method: 'POST', headers: { 'X-API-KEY': process.env.DYPAI_API_KEY! }, body: event }) // want DYP101
}
