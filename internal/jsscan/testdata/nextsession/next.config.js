/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  // Everything under env is inlined into the client bundle, whatever its name.
  env: {
    SITE_NAME: 'Acme',
    STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY, // want DYP102
    dypaiKey: process.env.DYPAI_API_KEY, // want DYP102
  },
  publicRuntimeConfig: { analyticsId: process.env.ANALYTICS_ID },
  serverRuntimeConfig: { dbPassword: process.env.DB_SECRET },
}
