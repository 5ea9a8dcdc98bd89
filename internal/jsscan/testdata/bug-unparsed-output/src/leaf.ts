// No imports: its stub is empty.
export const leaf = { tag: 'dypai-test-parser-gap' }
