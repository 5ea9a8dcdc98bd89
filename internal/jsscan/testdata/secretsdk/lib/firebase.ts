import admin from 'firebase-admin' // want DYP105
export const db = admin.firestore()
