import { BadRequestException } from '@nestjs/common';
import { AnswerInputPipe, answerInputProblems } from './answer-input';

const codes = (body: unknown) => answerInputProblems(body).map((p) => `${p.field}:${p.code}`);

describe('answer save body', () => {
  it('takes a value with every optional field at its limit, and leaves out absent ones', () => {
    const body = { value: ['a'], evidenceIds: Array.from({ length: 20 }, (_, i) => String(i + 1)), url: 'u'.repeat(2000), note: 'n'.repeat(5000), version: 0 };
    expect(answerInputProblems(body)).toEqual([]);
    expect(new AnswerInputPipe().transform(body)).toEqual(body);
    expect(new AnswerInputPipe().transform({ value: false, url: null, note: undefined, version: null, evidenceIds: null })).toEqual({ value: false });
  });

  it('refuses each field one past its limit, naming it with the validation codes', () => {
    expect(codes({ value: 1, evidenceIds: Array.from({ length: 21 }, (_, i) => String(i + 1)) })).toEqual(['evidenceIds:FIELD_TOO_MANY_ITEMS']);
    expect(codes({ value: 1, url: 'u'.repeat(2001) })).toEqual(['url:FIELD_TOO_LONG']);
    expect(codes({ value: 1, note: 'n'.repeat(5001) })).toEqual(['note:FIELD_TOO_LONG']);
    expect(codes({ value: 1, version: -1 })).toEqual(['version:FIELD_TOO_SMALL']);
  });

  it('refuses wrong types, malformed ids, a missing value and unknown fields', () => {
    expect(codes({})).toEqual(['value:FIELD_REQUIRED']);
    expect(codes({ value: null })).toEqual(['value:FIELD_REQUIRED']);
    expect(codes([{ value: 1 }])).toEqual(['value:FIELD_REQUIRED']);
    expect(codes({ value: 0, evidenceIds: '7' })).toEqual(['evidenceIds:FIELD_NOT_ARRAY']);
    expect(codes({ value: 0, evidenceIds: ['7', '07', 8] })).toEqual(['evidenceIds:FIELD_BAD_FORMAT']);
    expect(codes({ value: 0, url: 5, note: ['x'] })).toEqual(['url:FIELD_NOT_STRING', 'note:FIELD_NOT_STRING']);
    expect(codes({ value: 0, version: 1.5 })).toEqual(['version:FIELD_NOT_INT']);
    expect(codes({ value: 0, version: '1' })).toEqual(['version:FIELD_NOT_INT']);
    expect(codes({ value: 0, points: 9, __proto__x: 1 })).toEqual(['points:FIELD_UNKNOWN_FIELD', '__proto__x:FIELD_UNKNOWN_FIELD']);
  });

  it('answers 400 VALIDATION_FAILED naming the fields, as the validation pipe does', () => {
    try {
      new AnswerInputPipe().transform({ url: 3 });
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(BadRequestException);
      expect((e as BadRequestException).getResponse()).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'Invalid request: value, url',
        details: [
          { field: 'value', message: 'value is required', code: 'FIELD_REQUIRED' },
          { field: 'url', message: 'url must be a string', code: 'FIELD_NOT_STRING' },
        ],
      });
    }
  });
});
