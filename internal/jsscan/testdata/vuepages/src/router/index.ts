import { createRouter, createWebHistory } from 'vue-router'
// File-based routes come from a virtual module: no import names the pages.
import { routes } from 'vue-router/auto-routes'

export const router = createRouter({ history: createWebHistory(), routes })
