import { describe, expect, it } from 'vitest';
import { instantToWall, wallToInstant } from './zoned';

describe('the period form in the period zone', () => {
  it('reads a wall-clock time in the zone as an instant with its offset', () => {
    expect(wallToInstant('2026-09-30T23:59', 'Asia/Jakarta')).toBe('2026-09-30T23:59:00+07:00');
    expect(wallToInstant('2026-09-30T23:59', 'Asia/Makassar')).toBe('2026-09-30T23:59:00+08:00');
    expect(wallToInstant('2026-09-30T23:59', 'Asia/Jayapura')).toBe('2026-09-30T23:59:00+09:00');
    expect(wallToInstant('2026-03-29T12:00', 'Europe/Berlin')).toBe('2026-03-29T12:00:00+02:00');
    expect(wallToInstant('', 'Asia/Jakarta')).toBe('');
  });
  it('shows an instant on the wall clock of the zone', () => {
    expect(instantToWall('2026-09-30T16:59:00.000Z', 'Asia/Jakarta')).toBe('2026-09-30T23:59');
    expect(instantToWall('2026-09-30T16:59:00.000Z', 'Asia/Jayapura')).toBe('2026-10-01T01:59');
  });
});
