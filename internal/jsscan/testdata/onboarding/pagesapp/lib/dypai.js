import * as sdk from '@dypai/client'

export const client = sdk.createClient(process.env.NEXT_PUBLIC_DYPAI_URL)
