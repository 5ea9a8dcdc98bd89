import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueRouter from 'unplugin-vue-router/vite'
import Components from 'unplugin-vue-components/vite'

export default defineConfig({
  plugins: [VueRouter({ routesFolder: 'src/pages' }), vue(), Components()],
})
