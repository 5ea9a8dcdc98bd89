'use client'
import { dypai } from '../../lib/dypai'

export default function SetPassword() {
  return <form onSubmit={(e) => { e.preventDefault(); dypai.auth.updateUser({ password: 'x' }) }} />
}
