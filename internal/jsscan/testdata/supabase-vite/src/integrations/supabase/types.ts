export type Database = { public: { Tables: Record<string, never> } };
