/**
 * Characters that the 14 standard PDF fonts can show with WinAnsiEncoding (cp1252):
 * printable Latin-1 (U+0020..U+007E, U+00A0..U+00FF) plus the cp1252 extras in 0x80..0x9F.
 */
const CP1252_EXTRAS = new Set<number>([
  0x20ac, // €
  0x201a, // ‚
  0x0192, // ƒ
  0x201e, // „
  0x2026, // …
  0x2020, // †
  0x2021, // ‡
  0x02c6, // ˆ
  0x2030, // ‰
  0x0160, // Š
  0x2039, // ‹
  0x0152, // Œ
  0x017d, // Ž
  0x2018, // ‘
  0x2019, // ’
  0x201c, // “
  0x201d, // ”
  0x2022, // •
  0x2013, // –
  0x2014, // —
  0x02dc, // ˜
  0x2122, // ™
  0x0161, // š
  0x203a, // ›
  0x0153, // œ
  0x017e, // ž
  0x0178, // Ÿ
]);

/** True when every character of `text` is WinAnsi-encodable (so a standard font can draw it). */
export function isWinAnsi(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i); // surrogate halves (astral chars) fall outside every range below
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c >= 0xa0 && c <= 0xff) continue;
    if (CP1252_EXTRAS.has(c)) continue;
    return false;
  }
  return true;
}
