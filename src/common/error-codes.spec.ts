import * as fs from 'fs';
import * as path from 'path';
import { ALL_DETAIL_CODES, ALL_ERROR_CODES, DETAIL_CODES_BY_KIND, ERROR_CODES_BY_MODULE } from '../error-codes';

const SRC = path.join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

/** Every refusal is built by a helper of src/common/errors.ts, which requires a code; src/common is where they are built. */
describe('error codes', () => {
  it('are UPPER_SNAKE, prefixed by their module, and none names two things', () => {
    const all = [...ALL_ERROR_CODES, ...ALL_DETAIL_CODES];
    expect(all.filter((c, i) => all.indexOf(c) !== i)).toEqual([]);
    for (const c of all) expect(c).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    const prefixes: Record<string, string> = {
      access: 'PARTICIPATION_',
      users: 'USER_',
      organizers: 'ORGANIZER_',
      publicBodies: 'PUBLIC_BODY_',
      periods: 'PERIOD_',
      instruments: 'INSTRUMENT_',
      saq: 'SAQ_',
      evidence: 'EVIDENCE_',
      verification: 'VERIFICATION_',
      objections: 'OBJECTION_',
      panel: 'PANEL_',
      rankings: 'RANKING_',
      certificates: 'CERTIFICATE_',
      reports: 'REPORT_',
      jobs: 'JOB_',
      auth: 'AUTH_',
    };
    for (const [module, prefix] of Object.entries(prefixes)) {
      for (const c of Object.values(ERROR_CODES_BY_MODULE[module as keyof typeof ERROR_CODES_BY_MODULE]))
        expect([module, c]).toEqual([module, expect.stringMatching(new RegExp(`^${prefix}`))]);
    }
  });

  it("lists every module's *.errors.ts code list in src/error-codes.ts", () => {
    const listed = new Set<unknown>([...Object.values(ERROR_CODES_BY_MODULE), ...Object.values(DETAIL_CODES_BY_KIND)]);
    const errorFiles = sourceFiles(SRC).filter((f) => f.endsWith('.errors.ts'));
    expect(errorFiles.length).toBeGreaterThan(10);
    for (const file of errorFiles) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- every *.errors.ts file, found at run time
      for (const [name, list] of Object.entries(require(file) as Record<string, unknown>))
        expect([path.relative(SRC, file), name, listed.has(list)]).toEqual([path.relative(SRC, file), name, true]);
    }
  });

  it('no module outside src/common throws a Nest exception itself (which would carry no code)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file);
      if (rel.startsWith(`common${path.sep}`)) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\bnew\s+(\w+Exception|HttpException)\s*\(/.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('every error helper call names a code from a code list first', () => {
    const missing: string[] = [];
    const helper = /\b(badRequest|notFound|conflict|unprocessable|forbidden|busy|unauthenticated|payloadTooLarge|tooManyRequests)\(\s*([^,)]*)/g;
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file);
      if (rel === path.join('common', 'errors.ts')) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(helper)) {
        const first = m[2].trim();
        // a code constant (XxxErrorCode.NAME, possibly in a ternary), a rule's refusal.code, or the code ParseIdPipe was given
        if (!/(ErrorCode\.[A-Z_]+|\brefusal\.code|^this\.code)$/.test(first) && !/\?\s*\w+ErrorCode\.[A-Z_]+\s*:\s*\w+ErrorCode\.[A-Z_]+$/.test(first))
          missing.push(`${rel}: ${m[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
