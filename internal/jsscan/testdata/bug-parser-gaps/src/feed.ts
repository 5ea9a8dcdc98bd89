// An async generator method in a class and a for await at the top level.
import { createClient } from '@dypai/client'

const dypai = createClient('https://x.dypai.dev')

export class Feed {
  async *items() {
    for await (const page of [1, 2]) {
      yield await dypai.api.get('list_orders', { page, userId: 'me' }) // want DYP201
    }
  }
}

for await (const x of new Feed().items()) console.log(x)
