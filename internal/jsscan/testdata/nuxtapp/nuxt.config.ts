export default defineNuxtConfig({
  runtimeConfig: {
    dypaiApiKey: '',
    public: { dypaiUrl: '' },
  },
})
