import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatScore, zoneLabel } from './format';

describe('formatScore', () => {
  it('writes the API decimal strings in the id-ID locale with two decimals', () => {
    expect(formatScore('87.50')).toBe('87,50');
    expect(formatScore('100.00')).toBe('100,00');
    expect(formatScore('0.05')).toBe('0,05');
    expect(formatScore('90')).toBe('90,00');
    expect(formatScore('1234.5')).toBe('1.234,50');
  });
  it('keeps the digits it is given (no float rounding), and a dash for no score', () => {
    expect(formatScore('89.99')).toBe('89,99');
    expect(formatScore('0.29')).toBe('0,29');
    expect(formatScore(null)).toBe('–');
    expect(formatScore(undefined)).toBe('–');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in the period zone with its label', () => {
    expect(formatDateTime('2026-09-30T16:59:00Z', 'Asia/Jakarta')).toBe('30 Sep 2026 23.59 WIB');
    expect(formatDateTime('2026-09-30T16:59:00Z', 'Asia/Makassar')).toBe('1 Okt 2026 00.59 WITA');
    expect(formatDateTime('2026-05-01T00:00:00.000Z', 'Asia/Jayapura')).toBe('1 Mei 2026 09.00 WIT');
  });
  it('uses Indonesian month names', () => {
    expect(formatDate('2026-08-17T03:00:00Z', 'Asia/Jakarta')).toBe('17 Agu 2026');
    expect(formatDate('2026-12-31T18:00:00Z', 'Asia/Jakarta')).toBe('1 Jan 2027');
  });
  it('names zones outside Indonesia by the browser’s short name', () => {
    expect(zoneLabel('UTC')).toMatch(/UTC/);
    expect(formatDateTime('2026-01-02T03:04:00Z', 'UTC')).toMatch(/^2 Jan 2026 03\.04 /);
  });
});

describe('formatCount', () => {
  it('groups thousands with a dot', () => {
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(7)).toBe('7');
  });
});
