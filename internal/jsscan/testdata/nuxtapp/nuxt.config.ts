export default defineNuxtConfig({
  runtimeConfig: {
    // Private runtime config stays on the server.
    dypaiApiKey: process.env.DYPAI_API_KEY,
    // runtimeConfig.public is serialised into every page.
    public: {
      dypaiUrl: '',
      dypaiServiceKey: process.env.DYPAI_SERVICE_KEY, // want DYP102
    },
  },
})
