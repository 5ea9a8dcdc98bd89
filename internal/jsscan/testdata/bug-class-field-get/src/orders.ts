// Regression: class fields named get, set or async, public or private, as
// drizzle-orm's query builders declare (`get = (values) => …`). sobek's
// parser reads `get =` as the start of a getter and rejects the output of
// the whole bundle. Class fields are now lowered into the constructor.
import { createClient } from '@dypai/client'

const dypai = createClient('https://x.dypai.dev')

export class Orders {
  get = (id: string) => dypai.api.get('get_order', { id })
  set = (id: string) => dypai.api.post('create_order', { id, user_id: this.userId }) // want DYP201
  async = true
  #get = 1
  static get = 'static'
  static #set = 2

  constructor(private userId: string) {}

  count() {
    return this.#get + Orders.#set
  }
}

export const admin = createClient('https://x.dypai.dev', process.env.DYPAI_API_KEY) // want DYP101
