import Anthropic from '@anthropic-ai/sdk'
import Stripe from 'stripe'
// A route handler holds the keys: fine.
const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY })
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)
export async function POST(req: Request) {
  await stripe.customers.list()
  return Response.json(await claude.messages.create({ model: 'claude', max_tokens: 10, messages: [] }))
}
