import fc from 'fast-check';
import { dec } from './decimal';
import { QuestionRule, checkAnswerValue, checkQuestionRule, selfPoints } from './question-points';

const yesNo: QuestionRule = { type: 'YES_NO', maxPoints: '2.5' };
const choice: QuestionRule = {
  type: 'CHOICE',
  maxPoints: 4,
  options: [
    { value: 'none', label: 'Tidak ada', points: 0 },
    { value: 'partial', label: 'Sebagian', points: '1.75' },
    { value: 'full', label: 'Lengkap', points: 4 },
  ],
};
const multi: QuestionRule = {
  type: 'MULTI_CHOICE',
  maxPoints: 5,
  options: [
    { value: 'web', points: 2 },
    { value: 'app', points: '1.5' },
    { value: 'wa', points: 2 },
    { value: 'desk', points: '0.25' },
  ],
};
const number: QuestionRule = {
  type: 'NUMBER',
  maxPoints: 3,
  // deliberately unsorted
  thresholds: [
    { min: 50, points: 2 },
    { min: 10, points: 1 },
    { min: 100, points: 3 },
    { min: '0.5', points: '0.5' },
  ],
};
const text: QuestionRule = { type: 'TEXT', maxPoints: 5 };

const pts = (q: QuestionRule, v: unknown) => selfPoints(q, v).toString();

describe('selfPoints', () => {
  it('YES_NO: true earns maxPoints, false 0', () => {
    expect(pts(yesNo, true)).toBe('2.5');
    expect(pts(yesNo, false)).toBe('0');
  });
  it("CHOICE: the option's points", () => {
    expect(pts(choice, 'none')).toBe('0');
    expect(pts(choice, 'partial')).toBe('1.75');
    expect(pts(choice, 'full')).toBe('4');
  });
  it('MULTI_CHOICE: sum of the chosen points', () => {
    expect(pts(multi, [])).toBe('0');
    expect(pts(multi, ['app'])).toBe('1.5');
    expect(pts(multi, ['app', 'desk'])).toBe('1.75');
    expect(pts(multi, ['web', 'app', 'desk'])).toBe('3.75');
  });
  it('MULTI_CHOICE: capped at maxPoints', () => {
    expect(pts(multi, ['web', 'app', 'wa'])).toBe('5'); // 5.5 capped
    expect(pts(multi, ['web', 'app', 'wa', 'desk'])).toBe('5'); // 5.75 capped
    expect(pts(multi, ['web', 'wa'])).toBe('4');
  });
  it('NUMBER: points of the highest min not above the value, thresholds unsorted', () => {
    expect(pts(number, 75)).toBe('2');
    expect(pts(number, 10.5)).toBe('1');
    expect(pts(number, '99.999999')).toBe('2');
    expect(pts(number, 1000000)).toBe('3');
    expect(pts(number, '0.6')).toBe('0.5');
  });
  it('NUMBER: exactly at a min earns that threshold', () => {
    expect(pts(number, 10)).toBe('1');
    expect(pts(number, '50')).toBe('2');
    expect(pts(number, '50.000000')).toBe('2');
    expect(pts(number, 100)).toBe('3');
    expect(pts(number, '0.5')).toBe('0.5');
  });
  it('NUMBER: below every min earns 0 (negatives too)', () => {
    expect(pts(number, '0.499999')).toBe('0');
    expect(pts(number, 0)).toBe('0');
    expect(pts(number, -5)).toBe('0');
  });
  it('NUMBER: negative mins work', () => {
    const q: QuestionRule = {
      type: 'NUMBER',
      maxPoints: 2,
      thresholds: [
        { min: 0, points: 2 },
        { min: -10, points: 1 },
      ],
    };
    expect(pts(q, -10)).toBe('1');
    expect(pts(q, '-10.000001')).toBe('0');
    expect(pts(q, -0.5)).toBe('1');
  });
  it('NUMBER: capped at maxPoints', () => {
    const q: QuestionRule = { type: 'NUMBER', maxPoints: 2, thresholds: [{ min: 0, points: 5 }] };
    expect(pts(q, 1)).toBe('2');
  });
  it('TEXT: always 0 self points', () => {
    expect(pts(text, 'Kami memiliki SOP pelayanan informasi')).toBe('0');
  });
  it('throws on a value that does not fit', () => {
    expect(() => selfPoints(yesNo, 'yes')).toThrow(/YES_NO expects true or false/);
    expect(() => selfPoints(choice, 'x')).toThrow(/unknown option/);
  });
  it('NUMBER points equal the reference over random values (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 20000 }), (hundredths) => {
        const v = dec(hundredths).div(100);
        const expected = v.gte(100) ? 3 : v.gte(50) ? 2 : v.gte(10) ? 1 : v.gte('0.5') ? '0.5' : 0;
        expect(selfPoints(number, v.toString()).eq(expected)).toBe(true);
      }),
    );
  });
  it('MULTI_CHOICE points stay within 0..maxPoints and grow with the choice (property)', () => {
    fc.assert(
      fc.property(fc.subarray(['web', 'app', 'wa', 'desk']), fc.constantFrom('web', 'app', 'wa', 'desk'), (chosen, extra) => {
        const p = selfPoints(multi, chosen);
        expect(p.gte(0) && p.lte(5)).toBe(true);
        if (!chosen.includes(extra)) expect(selfPoints(multi, [...chosen, extra]).gte(p)).toBe(true);
      }),
    );
  });
});

describe('checkAnswerValue', () => {
  it('accepts fitting values', () => {
    expect(checkAnswerValue(yesNo, true)).toBeNull();
    expect(checkAnswerValue(yesNo, false)).toBeNull();
    expect(checkAnswerValue(choice, 'partial')).toBeNull();
    expect(checkAnswerValue(multi, [])).toBeNull();
    expect(checkAnswerValue(multi, ['web', 'desk'])).toBeNull();
    expect(checkAnswerValue(number, 12)).toBeNull();
    expect(checkAnswerValue(number, -12.5)).toBeNull();
    expect(checkAnswerValue(number, '12.123456')).toBeNull();
    expect(checkAnswerValue(text, 'ada')).toBeNull();
    expect(checkAnswerValue(text, 'x'.repeat(5000))).toBeNull();
  });
  it('YES_NO rejects non-booleans', () => {
    for (const v of ['true', 1, 0, null, undefined, 'ya']) {
      expect(checkAnswerValue(yesNo, v)).toBe('YES_NO expects true or false');
    }
  });
  it('CHOICE rejects unknown options and non-strings', () => {
    expect(checkAnswerValue(choice, 'x')).toBe("unknown option 'x'; expected one of none, partial, full");
    expect(checkAnswerValue(choice, 'FULL')).toMatch(/unknown option 'FULL'/);
    expect(checkAnswerValue(choice, ['full'])).toMatch(/CHOICE expects one option value/);
    expect(checkAnswerValue(choice, 1)).toMatch(/CHOICE expects/);
    expect(checkAnswerValue(choice, null)).toMatch(/CHOICE expects/);
  });
  it('MULTI_CHOICE rejects non-arrays, duplicates and unknown options', () => {
    expect(checkAnswerValue(multi, 'web')).toBe('MULTI_CHOICE expects an array of distinct option values');
    expect(checkAnswerValue(multi, [1])).toBe('MULTI_CHOICE expects an array of distinct option values');
    expect(checkAnswerValue(multi, null)).toBe('MULTI_CHOICE expects an array of distinct option values');
    expect(checkAnswerValue(multi, ['web', 'web'])).toMatch(/distinct option values \(duplicate 'web'\)/);
    expect(checkAnswerValue(multi, ['web', 'fax'])).toBe("unknown option 'fax'; expected one of web, app, wa, desk");
  });
  it('NUMBER rejects non-finite and malformed values', () => {
    for (const v of [NaN, Infinity, -Infinity, '', 'abc', '1e3', 1e-7, true, null, {}, [], '1.1234567', ' 1']) {
      expect(checkAnswerValue(number, v)).toMatch(/^NUMBER expects a finite number/);
    }
  });
  it('TEXT rejects empty, blank, over-long and non-strings', () => {
    const msg = 'TEXT expects a non-empty string of at most 5000 characters';
    expect(checkAnswerValue(text, '')).toBe(msg);
    expect(checkAnswerValue(text, '   ')).toBe(msg);
    expect(checkAnswerValue(text, 'x'.repeat(5001))).toBe(msg);
    expect(checkAnswerValue(text, 5)).toBe(msg);
    expect(checkAnswerValue(text, null)).toBe(msg);
  });
  it('TEXT counts characters, not UTF-16 units', () => {
    expect(checkAnswerValue(text, '😀'.repeat(5000))).toBeNull();
    expect(checkAnswerValue(text, '😀'.repeat(5001))).not.toBeNull();
  });
  it('names an unknown type', () => {
    expect(checkAnswerValue({ type: 'SCALE' as never, maxPoints: 1 }, 1)).toBe("unknown question type 'SCALE'");
  });
});

describe('checkQuestionRule', () => {
  it('accepts valid rules of every type', () => {
    for (const q of [yesNo, choice, multi, number, text]) expect(checkQuestionRule(q)).toEqual([]);
    expect(checkQuestionRule({ ...yesNo, options: [] })).toEqual([]);
  });
  it('needs maxPoints > 0 with at most 2 decimals', () => {
    expect(checkQuestionRule({ type: 'YES_NO', maxPoints: 0 })).toEqual(['maxPoints must be greater than 0']);
    expect(checkQuestionRule({ type: 'YES_NO', maxPoints: -1 })).toEqual(['maxPoints must be greater than 0']);
    expect(checkQuestionRule({ type: 'YES_NO', maxPoints: '1.005' })).toEqual(['maxPoints must have at most 2 decimals']);
    expect(checkQuestionRule({ type: 'YES_NO', maxPoints: 'x' })[0]).toMatch(/^maxPoints must be a decimal/);
  });
  it('prefixes messages with the question code', () => {
    expect(checkQuestionRule({ code: '2.3.1', type: 'YES_NO', maxPoints: 0 })).toEqual(['question 2.3.1: maxPoints must be greater than 0']);
  });
  it('rejects an unknown type', () => {
    expect(checkQuestionRule({ type: 'SCALE' as never, maxPoints: 1 })[0]).toMatch(/type must be one of YES_NO, CHOICE/);
  });
  it('YES_NO and TEXT take neither options nor thresholds', () => {
    expect(checkQuestionRule({ ...yesNo, options: [{ value: 'a', points: 1 }] })).toEqual(['YES_NO questions take no options']);
    expect(checkQuestionRule({ ...text, thresholds: [{ min: 0, points: 1 }] })).toEqual(['TEXT questions take no thresholds']);
  });
  it('CHOICE needs at least 2 options, MULTI_CHOICE at least 1', () => {
    expect(checkQuestionRule({ type: 'CHOICE', maxPoints: 1, options: [{ value: 'a', points: 1 }] })).toEqual(['CHOICE needs at least 2 options']);
    expect(checkQuestionRule({ type: 'CHOICE', maxPoints: 1 })).toEqual(['CHOICE needs at least 2 options']);
    expect(checkQuestionRule({ type: 'MULTI_CHOICE', maxPoints: 1, options: [] })).toEqual(['MULTI_CHOICE needs at least 1 option']);
    expect(checkQuestionRule({ type: 'MULTI_CHOICE', maxPoints: 1, options: [{ value: 'a', points: 1 }] })).toEqual([]);
  });
  it('options need distinct non-empty values and points within 0..maxPoints', () => {
    const errs = checkQuestionRule({
      type: 'CHOICE',
      maxPoints: 2,
      options: [
        { value: 'a', points: 1 },
        { value: 'a', points: 2 },
        { value: '', points: 0 },
        { value: 'b', points: '2.01' },
        { value: 'c', points: -1 },
        { value: 'd', points: '0.125' },
      ],
      thresholds: [{ min: 0, points: 1 }],
    });
    expect(errs).toEqual([
      'CHOICE questions take no thresholds',
      "options[1].value 'a' is duplicated",
      'options[2].value must be a non-empty string',
      'options[3].points must be between 0 and maxPoints (2)',
      'options[4].points must be at least 0',
      'options[5].points must have at most 2 decimals',
    ]);
  });
  it('NUMBER needs thresholds with distinct mins and points within 0..maxPoints', () => {
    expect(checkQuestionRule({ type: 'NUMBER', maxPoints: 2 })).toEqual(['NUMBER needs at least 1 threshold']);
    expect(checkQuestionRule({ type: 'NUMBER', maxPoints: 2, thresholds: [] })).toEqual(['NUMBER needs at least 1 threshold']);
    const errs = checkQuestionRule({
      type: 'NUMBER',
      maxPoints: 2,
      options: [{ value: 'a', points: 1 }],
      thresholds: [
        { min: 10, points: 1 },
        { min: '10.0', points: 2 },
        { min: 'ten', points: 1 },
        { min: 20, points: 3 },
      ],
    });
    expect(errs).toEqual([
      'NUMBER questions take no options',
      'thresholds[1].min 10 is duplicated',
      'thresholds[2].min must be a decimal number such as 12 or 12.5 (digits, optional minus sign and decimal point)',
      'thresholds[3].points must be between 0 and maxPoints (2)',
    ]);
  });
});
