import OpenAI from 'openai'
import Anthropic from '@anthropic-ai/sdk'
import { Mistral } from '@mistralai/mistralai'
import Groq from 'groq-sdk'
import { GoogleGenAI } from '@google/genai'
import { GoogleGenerativeAI } from '@google/generative-ai'

const config = { openaiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY } // want DYP102

export const openai = new OpenAI({ apiKey: config.openaiKey, dangerouslyAllowBrowser: true }) // want DYP105
export const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY }) // want DYP105
export const mistral = new Mistral({ apiKey: process.env.NEXT_PUBLIC_MISTRAL_API_KEY }) // want DYP105 DYP102
export const groq = new Groq({ apiKey: 'gsk_8fJq2LkP0aZx7WmB3nR5tY9vC1' }) // want DYP105
export const genai = new GoogleGenAI({ apiKey: process.env.NEXT_PUBLIC_GEMINI_API_KEY }) // want DYP105 DYP102
export const gemini = new GoogleGenerativeAI(process.env.NEXT_PUBLIC_GEMINI_API_KEY!) // want DYP105 DYP102

// Look-alikes: an ephemeral token minted by the server, no key at all.
export function realtime(ephemeralKey: string) {
  return new OpenAI({ apiKey: ephemeralKey, dangerouslyAllowBrowser: true })
}
export const literalToken = new OpenAI({ apiKey: 'ek_68a1b2c3d4e5f6', dangerouslyAllowBrowser: true })
