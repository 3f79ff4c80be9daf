import fc from 'fast-check';
import { dueReminder, REMINDER_DAYS } from './reminder-rules';

const DAY = 24 * 3600 * 1000;
const deadline = new Date('2026-10-01T16:59:00Z');
const before = (ms: number) => new Date(deadline.getTime() - ms);

describe('dueReminder', () => {
  it('is due 7, 3 and 1 days before the deadline, and not before or after', () => {
    expect(dueReminder(deadline, before(8 * DAY))).toBeNull();
    expect(dueReminder(deadline, before(7 * DAY))).toBe(7);
    expect(dueReminder(deadline, before(4 * DAY))).toBe(7);
    expect(dueReminder(deadline, before(3 * DAY))).toBe(3);
    expect(dueReminder(deadline, before(1 * DAY + 1))).toBe(3);
    expect(dueReminder(deadline, before(1 * DAY))).toBe(1);
    expect(dueReminder(deadline, before(1))).toBe(1);
    expect(dueReminder(deadline, deadline)).toBeNull();
    expect(dueReminder(null, before(DAY))).toBeNull();
  });

  it('names, for any moment before the deadline, the smallest number of days not below the time left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 * DAY }), (left) => {
        const due = dueReminder(deadline, before(left));
        const expected = [...REMINDER_DAYS].reverse().find((d) => left <= d * DAY) ?? null;
        expect(due).toBe(expected);
      }),
    );
  });
});
