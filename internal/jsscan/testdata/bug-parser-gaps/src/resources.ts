// Explicit resource management: using and await using.
import { createClient } from '@dypai/client'

function lock() {
  return { [Symbol.dispose]() {} }
}

export async function openSession() {
  using l = lock()
  await using admin = Object.assign(createClient('https://x.dypai.dev', process.env.DYPAI_SECRET_KEY), { // want DYP101
    async [Symbol.asyncDispose]() {},
  })
  return [l, admin]
}
