export function money(n: number): string {
  return n.toFixed(2)
}
