'use client'

import { useState } from 'react'
import OpenAI from 'openai'

// DYP105: a server-only SDK with its secret key in a client component (the
// OpenAI call belongs in app/api/assistant/route.ts, as that file does).
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: true })

export function Assistant() {
  const [answer, setAnswer] = useState('')
  async function ask(question: string) {
    const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] })
    setAnswer(res.choices[0]?.message?.content ?? '')
  }
  return <button onClick={() => ask('Where is my order?')}>{answer || 'Ask'}</button>
}
