// Imported by the page component (not by getServerSideProps): it ships.
export const keyHeaders = { 'X-API-KEY': process.env.NEXT_PUBLIC_DYPAI_SECRET! } // want DYP101 DYP102
