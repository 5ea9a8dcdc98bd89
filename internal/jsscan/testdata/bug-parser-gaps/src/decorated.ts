// Decorators and auto-accessors.
import { createClient } from '@dypai/client'

function logged(value: unknown, _ctx: unknown) {
  return value
}

@logged
export class Store {
  accessor client = createClient('https://x.dypai.dev', process.env.DYPAI_API_KEY) // want DYP101

  @logged
  load() {
    return this.client
  }
}
