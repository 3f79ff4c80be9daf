import * as path from 'path';
import { RenderPool } from './render-pool';
import { CertificateData } from './rendering';

/** Poison body names: test/support/crashing-render-thread.ts dies on them. */
const CRASH_EXIT = 'CRASH-EXIT';
const CRASH_THROW = 'CRASH-THROW';

const certificate = (publicBodyName: string): CertificateData => ({
  organizerName: 'Komisi Informasi Provinsi Uji',
  publicBodyName,
  categoryName: 'OPD',
  year: 2026,
  qualificationLabel: 'Informatif',
  finalScore: '91.25',
  rankInCategory: 1,
  signatoryName: 'Ketua',
  signatoryTitle: 'Ketua',
  place: 'Palangka Raya',
  issueDate: '1 Desember 2026',
  verificationCode: 'abcdefghijklmnopqrstuv',
  verificationUrl: 'http://monev.test/verify/abcdefghijklmnopqrstuv',
});

describe('RenderPool: a crashed render thread', () => {
  jest.setTimeout(60000);
  let pool: RenderPool;
  beforeEach(() => {
    pool = new RenderPool(2, { threadFile: path.join(__dirname, '../../test/support/crashing-render-thread.ts') });
  });
  afterEach(async () => {
    await pool.close();
  });

  it.each([
    ['exits (process.exit)', CRASH_EXIT],
    ['throws outside a handler', CRASH_THROW],
  ])('that %s fails only the render that killed it; the others finish and the pool keeps rendering', async (_how, poison) => {
    const names = Array.from({ length: 12 }, (_, i) => `Badan Publik ${i + 1}`);
    const renders = [...names.slice(0, 3), poison, ...names.slice(3)].map((n) =>
      pool.render(certificate(n)).then(
        (r) => ({ ok: true as const, r }),
        (e: Error) => ({ ok: false as const, e }),
      ),
    );
    const settled = await Promise.all(renders);
    const failed = settled.filter((s) => !s.ok);
    expect(failed).toHaveLength(1);
    expect(settled[3]).toMatchObject({ ok: false, e: expect.objectContaining({ message: expect.stringMatching(/crashed twice on this certificate/) }) });
    for (const s of settled.filter((x) => x.ok)) expect(s.ok && s.r.size).toBeGreaterThan(1000);

    // Both threads are alive afterwards: more renders than one thread would hold all finish.
    const later = await Promise.all(names.map((n) => pool.render(certificate(n))));
    expect(later.every((r) => r.pdf && r.pdf.subarray(0, 5).toString() === '%PDF-')).toBe(true);
  });
});
