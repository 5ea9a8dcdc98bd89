import { endpoints } from '@gen/endpoints'

export function keyFor(name: string) {
  return endpoints.keys[name] ?? process.env.DYPAI_API_KEY
}
