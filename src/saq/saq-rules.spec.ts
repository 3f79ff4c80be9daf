import { displayFileName, effectiveDeadline, evidenceProblem, isHttpUrl, isPdf, missingForSubmit, progressOf, saqWriteRefusal } from './saq-rules';

describe('SAQ rules', () => {
  it('uses the body override before the window end', () => {
    expect(effectiveDeadline('2026-03-01T00:00:00.000Z', null)?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(effectiveDeadline('2026-03-01T00:00:00.000Z', new Date('2026-03-05T00:00:00Z'))?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });

  it('checks evidence kinds', () => {
    expect(evidenceProblem('NONE', { files: 1, url: false })).toMatch(/no evidence/);
    expect(evidenceProblem('FILE', { files: 0, url: true })).toMatch(/not a link/);
    expect(evidenceProblem('URL', { files: 1, url: false })).toMatch(/not a file/);
    expect(evidenceProblem('FILE_OR_URL', { files: 1, url: true })).toBeNull();
  });

  it('lists every missing answer and evidence, and counts progress', () => {
    const qs = [
      { code: '1', required: true, evidence: 'FILE' as const },
      { code: '2', required: true, evidence: 'URL' as const },
      { code: '3', required: false, evidence: 'NONE' as const },
      { code: '4', required: true, evidence: 'FILE_OR_URL' as const },
    ];
    const answers = new Map([
      ['1', { files: 0, url: false }],
      ['4', { files: 0, url: true }],
    ]);
    expect(missingForSubmit(qs, answers)).toEqual([
      { questionCode: '1', missing: 'EVIDENCE', code: 'SAQ_EVIDENCE_MISSING', message: 'question 1 needs a PDF file as evidence' },
      { questionCode: '2', missing: 'ANSWER', code: 'SAQ_ANSWER_MISSING', message: 'question 2 is not answered' },
    ]);
    expect(progressOf(qs, answers)).toEqual({ answered: 2, total: 4, missingEvidence: 1 });
  });

  it('accepts only http(s) links, recognises PDFs by content and keeps names as plain text', () => {
    expect(isHttpUrl('https://ppid.kalteng.go.id/dip')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('ftp://x.y')).toBe(false);
    expect(isPdf(Buffer.from('%PDF-1.7\n...'))).toBe(true);
    expect(isPdf(Buffer.from('\x89PNG\r\n'))).toBe(false);
    expect(displayFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(displayFileName('C:\\Users\\x\\SK PPID.pdf')).toBe('SK PPID.pdf');
    expect(displayFileName('a\u0000b.pdf')).toBe('ab.pdf');
    expect(displayFileName('laporan akhir 🙂 ñ.pdf')).toBe('laporan akhir 🙂 ñ.pdf');
    const long = displayFileName(`${'🙂'.repeat(250)}.pdf`);
    expect(Array.from(long)).toEqual(Array(200).fill('🙂')); // cut at 200 code points, no half surrogate pair
  });
});

describe('saqWriteRefusal', () => {
  const closesAt = '2030-03-31T16:00:00.000Z';
  const open = { stage: 'SAQ', status: 'IN_PROGRESS', submittedAt: null, deadlineOverride: null, schedule: { SAQ: { closesAt } } };
  const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms);

  it('lets the body write until closesAt, which is exclusive', () => {
    expect(saqWriteRefusal(open, at(closesAt, -1))).toBeNull();
    expect(saqWriteRefusal(open, at(closesAt))?.message).toMatch(/deadline passed at 2030-03-31T16:00:00.000Z/);
  });

  it('uses the body’s own deadline when it has one, earlier or later', () => {
    expect(saqWriteRefusal({ ...open, deadlineOverride: at(closesAt, 86_400_000) }, at(closesAt, 1))).toBeNull();
    expect(saqWriteRefusal({ ...open, deadlineOverride: at(closesAt, -60_000) }, at(closesAt, -1))?.details).toEqual({ deadline: '2030-03-31T15:59:00.000Z' });
  });

  it('refuses outside the SAQ stage, after submit and for a body no longer participating', () => {
    expect(saqWriteRefusal({ ...open, stage: 'VERIFICATION' }, at(closesAt, -1))?.message).toMatch(/period is in VERIFICATION/);
    expect(saqWriteRefusal({ ...open, status: 'SUBMITTED', submittedAt: at(closesAt, -5) }, at(closesAt, -1))?.message).toMatch(/already submitted/);
    expect(saqWriteRefusal({ ...open, status: 'NOT_PARTICIPATING' }, at(closesAt, -1))?.message).toMatch(/no longer takes part/);
  });
});
