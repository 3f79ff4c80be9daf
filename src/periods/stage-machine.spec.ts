import { checkMove, isWindowOpen, STAGES, stagesOf, unmetPreconditions, Stage, StageFacts } from './stage-machine';

const ready: StageFacts = {
  questionCount: 40,
  participantCount: 60,
  runningExtensions: 0,
  unverifiedSubmissions: 0,
  openObjections: 0,
  finalistCount: 5,
  finalistsMissingSheets: 0,
  publishedRun: true,
};

describe('stage machine', () => {
  it('allows exactly the next stage of the path, with and without visitation', () => {
    for (const usesVisitation of [true, false]) {
      const path = stagesOf(usesVisitation);
      for (const from of path) {
        for (const to of STAGES) {
          const r = checkMove(from, to, usesVisitation);
          const expected = path.indexOf(to) === path.indexOf(from) + 1 && path.includes(to);
          expect({ from, to, usesVisitation, ok: r.ok }).toEqual({ from, to, usesVisitation, ok: expected });
        }
      }
    }
  });

  it('goes OBJECTION -> VISITATION only when visitation is weighted, else OBJECTION -> PRESENTATION', () => {
    expect(checkMove('OBJECTION', 'VISITATION', true).ok).toBe(true);
    expect(checkMove('OBJECTION', 'PRESENTATION', true)).toEqual({ ok: false, reason: expect.stringMatching(/skip/) });
    expect(checkMove('OBJECTION', 'PRESENTATION', false).ok).toBe(true);
    expect(checkMove('OBJECTION', 'VISITATION', false)).toEqual({ ok: false, reason: expect.stringMatching(/not a stage/) });
  });

  it('explains backward, skipping and same-stage moves', () => {
    expect(checkMove('SAQ', 'REGISTRATION', false)).toEqual({ ok: false, reason: expect.stringMatching(/backwards/) });
    expect(checkMove('PREPARATION', 'SAQ', false)).toEqual({ ok: false, reason: expect.stringMatching(/next stage is REGISTRATION/) });
    expect(checkMove('SAQ', 'SAQ', false)).toEqual({ ok: false, reason: expect.stringMatching(/already/) });
    expect(checkMove('ARCHIVED', 'PREPARATION', false).ok).toBe(false);
  });

  it('lists unmet preconditions per move and none when the facts are ready', () => {
    for (const s of STAGES) expect(unmetPreconditions(s as Stage, ready)).toEqual([]);
    expect(unmetPreconditions('PREPARATION', { ...ready, questionCount: 0, participantCount: 0 }).map((u) => u.code)).toEqual(['PERIOD_NO_INSTRUMENT', 'PERIOD_NO_PARTICIPANTS']);
    expect(unmetPreconditions('SAQ', { ...ready, runningExtensions: 2 })[0].message).toMatch(/2 public bodies/);
    expect(unmetPreconditions('VERIFICATION', { ...ready, unverifiedSubmissions: 3 }).map((u) => u.code)).toEqual(['PERIOD_UNVERIFIED_SAQ']);
    expect(unmetPreconditions('OBJECTION', { ...ready, openObjections: 1 }).map((u) => u.code)).toEqual(['PERIOD_OPEN_OBJECTIONS']);
    expect(unmetPreconditions('OBJECTION', { ...ready, finalistCount: 0 }, 'PRESENTATION').map((u) => u.code)).toEqual(['PERIOD_NO_FINALISTS']);
    expect(unmetPreconditions('OBJECTION', { ...ready, finalistCount: 0 }, 'VISITATION')).toEqual([]);
    expect(unmetPreconditions('VISITATION', { ...ready, finalistCount: 0 }).map((u) => u.code)).toEqual(['PERIOD_NO_FINALISTS']);
    expect(unmetPreconditions('PRESENTATION', { ...ready, finalistsMissingSheets: 1 }).map((u) => u.code)).toEqual(['PERIOD_MISSING_PRESENTATION_SHEETS']);
    expect(unmetPreconditions('FINALIZATION', { ...ready, publishedRun: false }).map((u) => u.code)).toEqual(['PERIOD_NO_PUBLISHED_RUN']);
  });

  it('treats closesAt as already closed', () => {
    const closes = new Date('2026-03-01T17:00:00Z');
    expect(isWindowOpen('SAQ', 'SAQ', closes, new Date('2026-03-01T16:59:59.999Z'))).toBe(true);
    expect(isWindowOpen('SAQ', 'SAQ', closes, closes)).toBe(false);
    expect(isWindowOpen('VERIFICATION', 'SAQ', closes, new Date('2026-02-01T00:00:00Z'))).toBe(false);
  });
});
