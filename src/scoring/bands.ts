import Decimal from 'decimal.js';
import { Dec, finiteDec, parseDecimalInput, round2 } from './decimal';

/** A qualification band: scores from `min` (inclusive) up to the next band's min (exclusive). */
export interface Band {
  code: string;
  label: string;
  min: Decimal.Value;
}

/** Perki defaults, descending. */
export const DEFAULT_BANDS: Band[] = [
  { code: 'INFORMATIF', label: 'Informatif', min: '90' },
  { code: 'MENUJU_INFORMATIF', label: 'Menuju Informatif', min: '80' },
  { code: 'CUKUP_INFORMATIF', label: 'Cukup Informatif', min: '60' },
  { code: 'KURANG_INFORMATIF', label: 'Kurang Informatif', min: '40' },
  { code: 'TIDAK_INFORMATIF', label: 'Tidak Informatif', min: '0' },
];

/** The qualification of a body that never submitted its SAQ: listed, never ranked. */
export const NOT_PARTICIPATING = { code: 'NOT_PARTICIPATING', label: 'Tidak Mengikuti Monev' } as const;

const BAND_CODE_RE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Checks a period's bands: at least one; codes match /^[A-Z][A-Z0-9_]*$/ and are unique; labels
 * non-empty; mins 0..100 with at most 2 decimals, strictly descending in the given order, the
 * last exactly 0. Returns messages (empty = fine).
 */
export function checkBands(bands: Band[]): string[] {
  if (!Array.isArray(bands) || bands.length === 0) return ['bands must have at least one band'];
  const out: string[] = [];
  const codes = new Set<string>();
  let previous: Decimal | null = null;
  let lastMin: Decimal | null = null;
  bands.forEach((b, i) => {
    const at = `bands[${i}]`;
    if (b === null || typeof b !== 'object') {
      out.push(`${at} must be an object with code, label and min`);
      lastMin = null;
      return;
    }
    if (typeof b.code !== 'string' || !BAND_CODE_RE.test(b.code)) {
      out.push(`${at}.code must be upper case letters, digits and underscores, starting with a letter`);
    } else if (b.code === NOT_PARTICIPATING.code) {
      out.push(`${at}.code ${b.code} is reserved`);
    } else if (codes.has(b.code)) {
      out.push(`${at}.code ${b.code} is duplicated`);
    } else {
      codes.add(b.code);
    }
    if (typeof b.label !== 'string' || b.label.trim() === '') out.push(`${at}.label must be a non-empty string`);
    const m = parseDecimalInput(b.min, { maxDecimals: 2, min: 0, max: 100 });
    if (!m.ok) {
      out.push(`${at}.min ${m.message}`);
      lastMin = null;
      return;
    }
    if (previous !== null && !m.value.lt(previous)) {
      out.push(`${at}.min must be below the previous band's min (${previous.toString()}); bands go from the highest down`);
    }
    previous = m.value;
    lastMin = m.value;
  });
  const last = lastMin as Decimal | null;
  if (last !== null && !last.isZero()) out.push(`bands[${bands.length - 1}].min must be 0 (the last band covers every score down to 0)`);
  return out;
}

/**
 * The band of a final score: the band with the highest min not above the value (for valid bands,
 * the first in their descending order with min <= value). The value is rounded half-up to two
 * decimals first (a no-op for an already rounded final score). Throws when no band fits.
 */
export function bandFor(roundedFinal: Decimal.Value, bands: Band[]): Band {
  const v = round2(finiteDec(roundedFinal, 'final score'));
  let best: Band | null = null;
  let bestMin: Decimal | null = null;
  for (const b of bands) {
    const min = new Dec(b.min);
    if (min.lte(v) && (bestMin === null || min.gt(bestMin))) {
      best = b;
      bestMin = min;
    }
  }
  if (best === null) throw new Error(`no band for ${v.toString()}`);
  return best;
}
