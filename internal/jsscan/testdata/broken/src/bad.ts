export const helper = 1

export function broken( {
  return 2
}
