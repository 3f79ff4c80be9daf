import Decimal from 'decimal.js';
import fc from 'fast-check';
import { Dec, dec, format2, parseDecimalInput, plainString, round2, sumIs100 } from './decimal';

describe('Dec / dec', () => {
  it('uses 50 significant digits, half-up', () => {
    expect(Dec.precision).toBe(50);
    expect(Dec.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(dec(1).div(3).toString()).toBe('0.' + '3'.repeat(50));
    expect(dec(2).div(3).toString()).toBe('0.' + '6'.repeat(49) + '7');
  });
  it('does not inherit the 20-digit default of plain Decimal', () => {
    expect(new Decimal(1).div(3).toString().length).toBeLessThan(dec(1).div(3).toString().length);
  });
  it('avoids binary floating point: 0.1 + 0.2 is 0.3', () => {
    expect(dec('0.1').plus('0.2').eq('0.3')).toBe(true);
  });
});

describe('round2', () => {
  it.each([
    ['89.995', '90'],
    ['89.994', '89.99'],
    ['89.9949999999', '89.99'],
    ['0.005', '0.01'],
    ['0.004', '0'],
    ['-89.995', '-90'],
    ['-89.994', '-89.99'],
    ['-0.004', '0'],
    ['100', '100'],
  ])('%s -> %s', (input, expected) => {
    expect(round2(input).toString()).toBe(expected);
  });
  it('never gives negative zero', () => {
    expect(round2('-0.001').isNegative()).toBe(false);
  });
  it('is idempotent and within half a hundredth (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }), (n, scale) => {
        const v = dec(n.toString()).div(dec(10).pow(scale));
        const r = round2(v);
        expect(round2(r).eq(r)).toBe(true);
        expect(r.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(r.minus(v).abs().lte('0.005')).toBe(true);
      }),
    );
  });
});

describe('format2', () => {
  it.each([
    ['87.5', '87.50'],
    ['89.995', '90.00'],
    ['89.994', '89.99'],
    ['0', '0.00'],
    ['-0.001', '0.00'],
    ['-1.005', '-1.01'],
    ['100', '100.00'],
    ['33.333333333333333333333333333333', '33.33'],
  ])('%s -> %s', (input, expected) => {
    expect(format2(input)).toBe(expected);
  });
  it('accepts numbers and Decimals', () => {
    expect(format2(87.5)).toBe('87.50');
    expect(format2(dec(2).div(3))).toBe('0.67');
  });
  it('keeps null and undefined as null', () => {
    expect(format2(null)).toBeNull();
    expect(format2(undefined)).toBeNull();
  });
});

describe('plainString', () => {
  it('writes no exponent', () => {
    expect(plainString('1e-7')).toBe('0.0000001');
    expect(plainString('1.5e25')).toBe('15000000000000000000000000');
  });
});

describe('parseDecimalInput', () => {
  const ok = (v: unknown, opts?: Parameters<typeof parseDecimalInput>[1]) => {
    const r = parseDecimalInput(v, opts);
    if (!r.ok) throw new Error(`expected ok for ${String(v)}: ${r.message}`);
    return r.value.toString();
  };
  const fail = (v: unknown, opts?: Parameters<typeof parseDecimalInput>[1]) => {
    const r = parseDecimalInput(v, opts);
    if (r.ok) throw new Error(`expected failure for ${String(v)}`);
    return r.message;
  };

  it('accepts numbers and decimal strings with up to 2 decimals', () => {
    expect(ok(90.1)).toBe('90.1');
    expect(ok('90.10')).toBe('90.1');
    expect(ok('0')).toBe('0');
    expect(ok(0)).toBe('0');
    expect(ok(-0)).toBe('0');
    expect(ok('-12.5')).toBe('-12.5');
    expect(ok('007')).toBe('7');
    expect(ok(100)).toBe('100');
  });
  it('returns Decimals of the 50-digit clone', () => {
    const r = parseDecimalInput('1');
    expect(r.ok && r.value.div(3).toString()).toBe('0.' + '3'.repeat(50));
  });
  it('accepts finite Decimal instances', () => {
    expect(ok(dec('12.34'))).toBe('12.34');
    expect(fail(dec(1).div(3))).toBe('must have at most 2 decimals');
    expect(fail(dec(NaN))).toMatch(/finite/);
  });
  it('enforces maxDecimals (default 2)', () => {
    expect(fail('90.123')).toBe('must have at most 2 decimals');
    expect(fail(0.001)).toBe('must have at most 2 decimals');
    expect(fail('90.100')).toBe('must have at most 2 decimals');
    expect(ok('1.123456', { maxDecimals: 6 })).toBe('1.123456');
    expect(fail('1.1234567', { maxDecimals: 6 })).toBe('must have at most 6 decimals');
    expect(fail('1.5', { maxDecimals: 0 })).toBe('must be a whole number');
    expect(ok('15', { maxDecimals: 0 })).toBe('15');
  });
  it('rejects exponent forms of numbers with a clear message', () => {
    expect(fail(1e-7, { maxDecimals: 10 })).toMatch(/without an exponent.*1e-7/);
    expect(fail(1e21)).toMatch(/exponent/);
    expect(fail('1e5')).toMatch(/decimal number/);
  });
  it.each([
    [true],
    [false],
    [NaN],
    [Infinity],
    [-Infinity],
    [''],
    [' 1'],
    ['1 '],
    ['1.'],
    ['.5'],
    ['+1'],
    ['1,5'],
    ['0x10'],
    ['abc'],
    [{}],
    [{ value: 1 }],
    [[1]],
    [null],
    [undefined],
    [10n],
  ])('rejects %p', (v) => {
    expect(parseDecimalInput(v).ok).toBe(false);
  });
  it('rejects over-long strings', () => {
    expect(fail('1'.repeat(65))).toMatch(/at most 64 characters/);
  });
  it('checks inclusive ranges', () => {
    const range = { min: 0, max: 100 };
    expect(ok('0', range)).toBe('0');
    expect(ok('100', range)).toBe('100');
    expect(ok('100.00', range)).toBe('100');
    expect(fail('100.01', range)).toBe('must be between 0 and 100');
    expect(fail(-0.01, range)).toBe('must be between 0 and 100');
    expect(fail('-1', { min: 0 })).toBe('must be at least 0');
    expect(fail('101', { max: '100' })).toBe('must be at most 100');
  });
  it('round-trips every 2-decimal string (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (n) => {
        const text = dec(n.toString()).div(100).toFixed(2);
        const r = parseDecimalInput(text);
        expect(r.ok && r.value.eq(text)).toBe(true);
      }),
    );
  });
});

describe('sumIs100', () => {
  it('is exact', () => {
    expect(sumIs100([70, 30])).toBe(true);
    expect(sumIs100(['60', '10', '30'])).toBe(true);
    expect(sumIs100(['33.33', '33.33', '33.34'])).toBe(true);
    expect(sumIs100([0.1, 0.2, 99.7])).toBe(true);
    expect(sumIs100(['99.99'])).toBe(false);
    expect(sumIs100(['100.01'])).toBe(false);
    expect(sumIs100(['70', '29.99'])).toBe(false);
    expect(sumIs100(['70', '30.01'])).toBe(false);
    expect(sumIs100([])).toBe(false);
    expect(sumIs100([NaN, 100])).toBe(false);
    expect(sumIs100(['x' as unknown as string])).toBe(false);
  });
});
