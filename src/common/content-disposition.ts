/**
 * `Content-Disposition: attachment` naming a file for every client (RFC 6266): `filename` an ASCII
 * fallback for old clients, `filename*` the exact name as UTF-8, percent-encoded (RFC 5987/8187).
 * The header stays printable ASCII whatever the name holds.
 */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/** Accents dropped (ñ -> n), every other non-ASCII character, quote or backslash -> `_`. */
function asciiFallback(name: string): string {
  const plain = name.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain.replace(/[^\x20-\x7e]|["\\]/gu, '_') || 'download';
}

/** RFC 5987 `attr-char` allows fewer characters than encodeURIComponent leaves as they are. */
const encodeExtValue = (s: string): string => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
