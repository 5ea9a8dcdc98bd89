'use server'
import OpenAI from 'openai'
// A server action holds the key: fine.
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY })
export async function ask(q: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] })
}
