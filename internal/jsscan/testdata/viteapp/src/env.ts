import { createEnv } from '@t3-oss/env-core'
import { z } from 'zod'

// t3-env: the client variables are read as env.VITE_X, inlined from import.meta.env.
export const env = createEnv({
  clientPrefix: 'VITE_',
  client: {
    VITE_DYPAI_URL: z.string().url(),
    VITE_DYPAI_SERVICE_KEY: z.string(),
  },
  runtimeEnv: import.meta.env,
})

export const settings = { url: env.VITE_DYPAI_URL, serviceKey: env.VITE_DYPAI_SERVICE_KEY } // want DYP102
