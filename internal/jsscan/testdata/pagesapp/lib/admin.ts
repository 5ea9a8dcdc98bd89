import { createClient } from '@dypai/client'

// ok: used only by getServerSideProps, which Next.js strips from the page's
// client bundle together with this import.
export const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
