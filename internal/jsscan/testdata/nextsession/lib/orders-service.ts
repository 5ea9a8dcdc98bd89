import 'server-only'
import { createClient, type Client } from '@dypai/client'

// Clients held in class fields and set in the constructor.
export class OrdersService {
  private admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
  private readonly users: Client
  private audit: Client | null = null

  constructor() {
    this.users = createClient(process.env.DYPAI_URL!)
  }

  async archiveFor(userId: string, id: string) {
    return this.admin.api.post('archive_order', { id, user_id: userId }) // want DYP301
  }

  async profile() {
    return this.users.api.get('get_profile')
  }

  async stats() {
    const run = async () => this.users.api.get('get_stats', { id: 'all' }) // want DYP405
    return run()
  }

  async sync() {
    return this.admin.api.post('sync_orders')
  }

  dispose() {
    this.admin = null as never
  }
}

export const orders = new OrdersService()
