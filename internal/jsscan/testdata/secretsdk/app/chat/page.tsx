'use client'
import { openai, claude, mistral, groq, genai, gemini, realtime, literalToken } from '../../lib/ai'
import { stripe, restricted, resend, sms, mg, replicate, pinecone, s3, publishable, pk, cognito } from '../../lib/payments'
import { db } from '../../lib/firebase'
import { ask } from './actions'

export default function Chat() {
  const all = [openai, claude, mistral, groq, genai, gemini, realtime, literalToken, stripe, restricted, resend, sms, mg, replicate, pinecone, s3, publishable, pk, cognito, db]
  return <button onClick={() => ask('hi')}>{all.length}</button>
}
