export function formatTotal(orders: { total: number }[]): string {
  return orders.reduce((n, o) => n + o.total, 0).toFixed(2)
}
