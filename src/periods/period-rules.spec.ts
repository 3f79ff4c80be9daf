import { checkPeriodSettings, checkSchedule, checkWeights, PeriodSettings } from './period-rules';

const window = (opensAt: string, closesAt: string) => ({ opensAt, closesAt });
const settings = (): PeriodSettings => ({
  weights: { saq: 70, presentation: 30 },
  finalistRule: { type: 'THRESHOLD', value: 80 },
  bands: [
    { code: 'INFORMATIF', label: 'Informatif', min: 90 },
    { code: 'TIDAK', label: 'Tidak', min: 0 },
  ],
  presentationRubric: [{ code: 'OVERALL', weight: 100 }],
  schedule: {
    SAQ: window('2026-03-01T00:00:00+07:00', '2026-04-01T00:00:00+07:00'),
    VERIFICATION: window('2026-04-01T00:00:00+07:00', '2026-05-01T00:00:00+07:00'),
    OBJECTION: window('2026-05-01T00:00:00+07:00', '2026-05-15T00:00:00+07:00'),
    PRESENTATION: window('2026-06-01T00:00:00+07:00', '2026-07-01T00:00:00+07:00'),
  },
});

describe('period settings rules', () => {
  it('accept valid settings', () => {
    expect(checkPeriodSettings(settings())).toEqual([]);
  });

  it('name the field instead of throwing for shapes the request parser lets through', () => {
    const shapes: [string, Partial<PeriodSettings>, string][] = [
      ['weights missing', { weights: undefined }, 'weights'],
      ['weights a list', { weights: [] as never }, 'weights'],
      ['weights not numbers', { weights: { saq: 'abc', presentation: {} as never } }, 'weights'],
      ['schedule missing', { schedule: undefined }, 'schedule'],
      ['schedule a list', { schedule: [] as never }, 'schedule'],
      ['a window a list', { schedule: { ...settings().schedule, SAQ: [] as never } }, 'schedule.SAQ'],
      ['finalistRule a list', { finalistRule: [] as never }, 'finalistRule.type'],
    ];
    for (const [what, patch, field] of shapes) {
      const errors = checkPeriodSettings({ ...settings(), ...patch } as PeriodSettings);
      expect({ what, fields: errors.map((e) => e.field) }).toEqual({ what, fields: expect.arrayContaining([field]) });
    }
  });

  it('reads the visitation weight only when the weights are an object', () => {
    expect(checkWeights({ saq: 60, visitation: 10, presentation: 30 })).toEqual([]);
    expect(checkWeights({ saq: 60, visitation: 'x', presentation: 30 })).toEqual([
      { field: 'weights', message: expect.stringMatching(/decimal numbers/), code: 'FIELD_NOT_DECIMAL' },
    ]);
    expect(checkWeights({ saq: 60, presentation: 30 })[0].message).toMatch(/sum to exactly 100 .* = 90/);
  });

  it('names the instant that names no moment', () => {
    const s = { ...settings().schedule, SAQ: window('2026-13-45T99:99:99Z', 'soon') };
    expect(checkSchedule(s, false)).toEqual([
      { field: 'schedule.SAQ.opensAt', message: 'schedule.SAQ.opensAt must be an ISO-8601 instant', code: 'FIELD_NOT_INSTANT' },
      { field: 'schedule.SAQ.closesAt', message: 'schedule.SAQ.closesAt must be an ISO-8601 instant', code: 'FIELD_NOT_INSTANT' },
    ]);
  });
});
