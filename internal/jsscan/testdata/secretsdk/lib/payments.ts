import Stripe from 'stripe'
import { Resend } from 'resend'
import sgMail from '@sendgrid/mail'
import twilio from 'twilio'
import Mailgun from 'mailgun.js'
import Replicate from 'replicate'
import { Pinecone } from '@pinecone-database/pinecone'
import { S3Client } from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'

const stripeSecretKey = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY // want DYP102
export const stripe = new Stripe(stripeSecretKey!, { apiVersion: '2024-06-20' }) // want DYP105
export const restricted = Stripe('rk_live_51HqLyjWDarjtT1zdp7dcXYZ') // want DYP105
export const resend = new Resend(process.env.NEXT_PUBLIC_RESEND_API_KEY) // want DYP105 DYP102
sgMail.setApiKey(process.env.NEXT_PUBLIC_SENDGRID_API_KEY!) // want DYP105 DYP102
export const sms = twilio(process.env.NEXT_PUBLIC_TWILIO_SID, process.env.NEXT_PUBLIC_TWILIO_AUTH_TOKEN) // want DYP105
const mailgun = new Mailgun(FormData)
export const mg = mailgun.client({ username: 'api', key: process.env.NEXT_PUBLIC_MAILGUN_API_KEY! }) // want DYP105 DYP102
export const replicate = new Replicate({ auth: process.env.NEXT_PUBLIC_REPLICATE_API_TOKEN }) // want DYP105
export const pinecone = new Pinecone({ apiKey: process.env.NEXT_PUBLIC_PINECONE_API_KEY! }) // want DYP105 DYP102
export const s3 = new S3Client({ // want DYP105
  region: 'eu-west-1',
  credentials: { accessKeyId: process.env.NEXT_PUBLIC_AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.NEXT_PUBLIC_AWS_SECRET_ACCESS_KEY! }, // want DYP102
})

// Look-alikes: a publishable key, credentials from a Cognito identity pool.
export const publishable = new Stripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!)
export const pk = Stripe('pk_live_51HqLyjWDarjtT1zdp7dcXYZ')
export const cognito = new S3Client({ region: 'eu-west-1', credentials: fromCognitoIdentityPool({ identityPoolId: 'eu-west-1:pool' }) })
