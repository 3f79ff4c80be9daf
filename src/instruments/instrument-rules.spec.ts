import { appliesTo, checkInstrument, InstrumentInput } from './instrument-rules';

const good = (): InstrumentInput => ({
  aspects: [
    {
      code: 'A',
      weight: 40,
      questions: [
        { code: '1.1', type: 'YES_NO', maxPoints: 2 },
        {
          code: '1.2',
          type: 'CHOICE',
          maxPoints: 3,
          options: [
            { value: 'a', points: 0 },
            { value: 'b', points: 3 },
          ],
        },
      ],
    },
    {
      code: 'B',
      weight: '60.00',
      questions: [
        {
          code: '2.1',
          type: 'NUMBER',
          maxPoints: 4,
          thresholds: [
            { min: 10, points: 2 },
            { min: 50, points: 4 },
          ],
          categoryCodes: ['OPD'],
        },
      ],
    },
  ],
});
const cats = new Set(['OPD', 'BUMD']);

describe('instrument validator', () => {
  it('accepts a valid instrument', () => {
    expect(checkInstrument(good(), cats)).toEqual([]);
  });

  it('rejects aspect weights that sum to 99.99 or 100.01', () => {
    for (const w of ['59.99', '60.01']) {
      const ins = good();
      ins.aspects[1].weight = w;
      expect(checkInstrument(ins, cats)).toEqual([{ field: 'aspects', message: 'aspect weights must sum to exactly 100', code: 'FIELD_SUM_NOT_100' }]);
    }
  });

  it('rejects duplicate aspect and question codes', () => {
    const ins = good();
    ins.aspects[1].code = 'A';
    ins.aspects[1].questions[0].code = '1.1';
    const fields = checkInstrument(ins, cats).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['aspects[1].code', 'aspects[1].questions[0].code']));
  });

  it('rejects a choice option above maxPoints, a NUMBER without thresholds and unknown categories', () => {
    const ins = good();
    ins.aspects[0].questions[1].options = [
      { value: 'a', points: 0 },
      { value: 'b', points: 5 },
    ];
    ins.aspects[1].questions[0].thresholds = [];
    ins.aspects[1].questions[0].categoryCodes = ['OPD', 'NOPE'];
    const errors = checkInstrument(ins, cats);
    expect(errors.find((e) => e.field === 'aspects[0].questions[1]')?.message).toMatch(/1\.2/);
    expect(errors.find((e) => e.field === 'aspects[1].questions[0]')?.message).toMatch(/threshold/i);
    expect(errors.find((e) => e.field === 'aspects[1].questions[0].categoryCodes')?.message).toMatch(/NOPE/);
  });

  it('applies a question without categories to every category', () => {
    expect(appliesTo(null, 'OPD')).toBe(true);
    expect(appliesTo([], 'OPD')).toBe(true);
    expect(appliesTo(['BUMD'], 'OPD')).toBe(false);
    expect(appliesTo(['BUMD', 'OPD'], 'OPD')).toBe(true);
  });

  it('names the field instead of throwing for lists and nulls where objects belong', () => {
    const shapes: [unknown, string][] = [
      [{ aspects: [[]] }, 'aspects'],
      [{ aspects: [null] }, 'aspects'],
      [{ aspects: 'A' }, 'aspects'],
      [{}, 'aspects'],
      [{ aspects: [{ code: 'A', weight: 100, questions: [[]] }] }, 'aspects[0].questions'],
      [{ aspects: [{ code: 'A', weight: 100 }] }, 'aspects[0].questions'],
      [{ aspects: [{ code: 'A', weight: 100, questions: [{ code: '1', type: 'YES_NO', maxPoints: 1, categoryCodes: 'OPD' }] }] }, 'aspects[0].questions[0].categoryCodes'],
      [{ aspects: [{ code: 'A', weight: 100, questions: [{ code: '1', type: 'CHOICE', maxPoints: 1, options: [[], null] }] }] }, 'aspects[0].questions[0]'],
    ];
    for (const [ins, field] of shapes) {
      const fields = checkInstrument(ins as InstrumentInput, cats).map((e) => e.field);
      expect({ ins, fields }).toEqual({ ins, fields: expect.arrayContaining([field]) });
    }
  });
});
