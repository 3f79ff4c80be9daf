/**
 * How numbers and times read in the portal: the id-ID locale (`87,50`, `1.234`) and instants in the
 * period's zone with its Indonesian label (`30 Sep 2026 23.59 WIB`).
 */

/** Indonesia's zones by their usual labels; other zones fall back to the browser's short name. */
const ZONE_LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  if (ZONE_LABELS[timeZone]) return ZONE_LABELS[timeZone];
  const part = new Intl.DateTimeFormat('id-ID', { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * A score as the API sends it (a decimal string, `"87.50"`) in the id-ID locale with two decimals
 * (`87,50`), without passing through a binary float; null (not ranked) reads as an en dash.
 */
export function formatScore(score: string | null | undefined): string {
  if (score === null || score === undefined || score === '') return '–';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(score.trim());
  if (!m) return score;
  const [, sign, whole, frac = ''] = m;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${grouped},${(frac + '00').slice(0, 2)}`;
}

/** A count in the id-ID locale (`1.234`). */
export const formatCount = (n: number): string => new Intl.NumberFormat('id-ID').format(n);

/** An instant in a zone: `30 Sep 2026 23.59 WIB`. */
export function formatDateTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(
    at,
  );
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} ${get('hour')}.${get('minute')} ${zoneLabel(timeZone, at)}`;
}

/** A calendar date in a zone: `30 Sep 2026`. */
export function formatDate(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(at);
}

/**
 * A decimal as typed in the id-ID way (`87,5`, `1.234,50`) or with a point (`87.5`), as the decimal
 * string the API takes (`87.5`); anything else is passed on for the API to refuse with its field.
 */
export function decimalFromInput(typed: string): string {
  const t = typed.trim();
  return t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
}
