import type { Question } from '../api/types';

/** An answer's value as its reader sees it: the option labels, Ya/Tidak, the number or the text. */
export function shownValue(q: Question, value: unknown): string {
  if (value === undefined || value === null || value === '') return '(belum dijawab)';
  if (q.type === 'YES_NO') return value ? 'Ya' : 'Tidak';
  const label = (v: unknown) => q.options?.find((o) => o.value === v)?.label ?? String(v);
  if (q.type === 'CHOICE') return label(value);
  if (q.type === 'MULTI_CHOICE') return Array.isArray(value) && value.length ? value.map(label).join(', ') : '(tidak ada yang dipilih)';
  return String(value);
}
