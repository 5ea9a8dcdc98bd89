import { serverAdmin } from '~/utils/serverAdmin'

export default defineEventHandler(async () => serverAdmin.api.get('list_orders'))
