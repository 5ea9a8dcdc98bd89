import { watchInvites } from './auth'

watchInvites()
