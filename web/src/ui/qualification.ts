/**
 * The colour of a qualification band (presentation only: the band itself comes from the API).
 * Text on background pairs keep a contrast of at least 4.5:1 (WCAG 2.1 AA).
 */
const COLOURS: Record<string, { bg: string; fg: string; border: string }> = {
  INFORMATIF: { bg: '#d3f9d8', fg: '#1b5e20', border: '#2b8a3e' },
  MENUJU_INFORMATIF: { bg: '#d0ebff', fg: '#0b3d91', border: '#1971c2' },
  CUKUP_INFORMATIF: { bg: '#fff3bf', fg: '#5c3c00', border: '#e67700' },
  KURANG_INFORMATIF: { bg: '#ffe8cc', fg: '#7a2e00', border: '#d9480f' },
  TIDAK_INFORMATIF: { bg: '#ffe3e3', fg: '#8a1c1c', border: '#c92a2a' },
};
const OTHER = { bg: '#f1f3f5', fg: '#343a40', border: '#868e96' };

export const qualificationColours = (code: string) => COLOURS[code] ?? OTHER;
