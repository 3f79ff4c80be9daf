/** Printing and saving bench results. */
import * as fs from 'fs';
import * as path from 'path';
import type { LatencySummary } from './stats';

export const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

export const ms = (v: number, digits = 1): string => (Number.isFinite(v) ? `${v.toFixed(digits)} ms` : 'n/a');
export const num = (v: number, digits = 0): string => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');

export function latencyLine(l: Pick<LatencySummary, 'p50' | 'p99'> & Partial<LatencySummary>): string {
  return `p50 ${ms(l.p50)}, p99 ${ms(l.p99)}${l.max !== undefined ? `, max ${ms(l.max)}` : ''}`;
}

export interface Check {
  name: string;
  actual: number;
  op: '>=' | '<=' | '==';
  target: number;
  unit?: string;
  /** Decimals to print (default 1 for ms, else 0). */
  decimals?: number;
}

export const passes = (c: Check): boolean => (c.op === '>=' ? c.actual >= c.target : c.op === '<=' ? c.actual <= c.target : c.actual === c.target);

/** Prints one PASS/FAIL line per check and a verdict; returns whether all passed. */
export function printChecks(checks: Check[], log: (s: string) => void = console.log): boolean {
  for (const c of checks) {
    const unit = c.unit ? ` ${c.unit}` : '';
    const decimals = c.decimals ?? (c.unit === 'ms' ? 1 : 0);
    log(`  ${passes(c) ? 'PASS' : 'FAIL'}  ${c.name}: ${num(c.actual, decimals)}${unit} (target ${c.op} ${num(c.target, decimals)}${unit})`);
  }
  const ok = checks.every(passes);
  log(ok ? 'RESULT: PASS' : 'RESULT: FAIL (a measurement: the exit code stays 0)');
  return ok;
}

/** Writes bench/results/<name>.json (the folder is gitignored); returns the path. */
export function writeResults(name: string, data: unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

/** A step logger with elapsed seconds since the bench started. */
export function stepLogger(start = Date.now()) {
  return (s: string) => console.log(`[${((Date.now() - start) / 1000).toFixed(1).padStart(6)}s] ${s}`);
}
