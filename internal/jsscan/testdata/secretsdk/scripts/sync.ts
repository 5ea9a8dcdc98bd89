import OpenAI from 'openai'
import admin from 'firebase-admin'
// A Node script: server code.
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY })
admin.initializeApp()
export const run = () => openai.models.list()
