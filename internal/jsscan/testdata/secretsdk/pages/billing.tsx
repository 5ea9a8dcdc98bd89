import Stripe from 'stripe'

export async function getServerSideProps() {
  // Server-side only: Next.js strips it from the page's client bundle.
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)
  const prices = await stripe.prices.list()
  return { props: { count: prices.data.length } }
}

export default function Billing({ count }: { count: number }) {
  return <p>{count} prices</p>
}
