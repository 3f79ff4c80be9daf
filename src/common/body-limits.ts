/** The largest request bodies the API reads; bootstrap.ts hands them to the body parsers. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/** A registry CSV, as a text/csv body or as the multipart file of the import. */
export const CSV_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** A size in bytes as the API names limits: whole MB or KB where it is one, else bytes. */
export function formatByteLimit(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
