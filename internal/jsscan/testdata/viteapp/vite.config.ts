import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import path from 'node:path'

export default defineConfig({
  plugins: [react()],
  // define replaces these expressions in the bundle with the values.
  define: {
    __APP_VERSION__: JSON.stringify('1.0.0'),
    'process.env.DYPAI_SERVICE_KEY': JSON.stringify(process.env.DYPAI_SERVICE_KEY), // want DYP102
  },
  resolve: {
    alias: {
      '~': path.resolve(__dirname, './src'),
    },
  },
})
