/**
 * An order-independent fingerprint of a set of rows, computed in SQL: over `rowsSql` (a SELECT of one
 * column `r`, a row as a string), the row count and the sums of the two 64-bit halves of each row's MD5.
 * Each half is cast to BIGINT UNSIGNED, so MySQL sums it as an exact DECIMAL: a sum of CONV()'s string
 * would be a DOUBLE, rounded differently in another row order.
 */
export const foldRows = (rowsSql: string) => {
  const half = (from: number) => `COALESCE(SUM(CAST(CONV(SUBSTRING(x.m, ${from}, 16), 16, 10) AS UNSIGNED)), 0)`;
  return `SELECT COUNT(*) AS n, CONCAT(${half(1)}, '.', ${half(17)}) AS h FROM (SELECT MD5(fold_in.r) AS m FROM (${rowsSql}) fold_in) x`;
};

/** A fold's result as one string, `count:hash`. */
export const foldOf = (rows: { n: number | string; h: string }[]): string => `${rows[0].n}:${rows[0].h}`;
