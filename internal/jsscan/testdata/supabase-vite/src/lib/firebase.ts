// Regression (tvet-connect-kenya): a Firebase web config's apiKey is made
// to be public; its VITE_ name is not a leak (DYP102 stays silent), while a
// real secret beside it is reported.
export const firebaseConfig = {
  apiKey: import.meta.env.VITE_FIREBASE_API_KEY,
  authDomain: import.meta.env.VITE_FIREBASE_AUTH_DOMAIN,
  mapsKey: import.meta.env.VITE_GOOGLE_MAPS_API_KEY,
  openai: import.meta.env.VITE_OPENAI_API_KEY, // want DYP102
};
