export const other = <div>unclosed
