/** Days before a body's own SAQ deadline when it is reminded, earliest first. */
export const REMINDER_DAYS = [7, 3, 1] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

const DAY_MS = 24 * 3600 * 1000;

/**
 * The reminder due at `now` for a deadline: the one whose moment (deadline minus its days) has come
 * and whose successor's has not, so a scheduler that ran late sends the latest reminder only, never
 * a burst of all three; none once the deadline has passed. An extension moves the deadline and with
 * it every moment (the occasion key carries the deadline, see `reminderKey`).
 */
export function dueReminder(deadline: Date | null, now: Date): ReminderDays | null {
  if (!deadline) return null;
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return null;
  let due: ReminderDays | null = null;
  for (const days of REMINDER_DAYS) if (left <= days * DAY_MS) due = days;
  return due;
}

/** One reminder per participation, deadline and number of days: a moved deadline gets its own reminders. */
export const reminderKey = (participationId: string, deadline: Date, days: ReminderDays) => `saq-reminder:${participationId}:${deadline.getTime()}:${days}`;
