import { PARTICIPATION_STATUSES } from './entities/participation.entity';
import { countStates, matches, monitoringStateOf, MonitoringRow, sortRows } from './monitoring-rules';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-09-20T00:00:00Z');
const row = (id: string, o: Partial<MonitoringRow> = {}): MonitoringRow => ({
  participationId: id,
  publicBodyId: id,
  categoryId: '1',
  status: 'IN_PROGRESS',
  answered: 0,
  total: 10,
  lastActivityAt: null,
  deadline: new Date(now.getTime() + 10 * DAY),
  deadlineExtended: false,
  submittedAt: null,
  ...o,
});

describe('monitoring rules', () => {
  it('maps every status to a state', () => {
    expect(PARTICIPATION_STATUSES.map(monitoringStateOf)).toEqual(['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'NOT_PARTICIPATING']);
  });

  it('sorts progress exactly across different totals, ties by id', () => {
    const rows = [row('3', { answered: 2, total: 3 }), row('1', { answered: 4, total: 6 }), row('2', { answered: 1, total: 2 }), row('4', { total: 0 })];
    expect(sortRows(rows, 'progress', 'asc').map((r) => r.participationId)).toEqual(['2', '1', '3', '4']);
    expect(sortRows(rows, 'progress', 'desc').map((r) => r.participationId)).toEqual(['4', '1', '3', '2']);
  });

  it('sorts never-active bodies first by last activity ascending', () => {
    const rows = [row('1', { lastActivityAt: new Date(now.getTime() - DAY) }), row('2'), row('3', { lastActivityAt: now })];
    expect(sortRows(rows, 'lastActivity', 'asc').map((r) => r.participationId)).toEqual(['2', '1', '3']);
  });

  it('keeps a deadline within n days only while it is still ahead', () => {
    const f = { deadlineWithinDays: 3 };
    expect(matches(row('1', { deadline: new Date(now.getTime() + 3 * DAY) }), f, now)).toBe(true);
    expect(matches(row('1', { deadline: new Date(now.getTime() + 3 * DAY + 1) }), f, now)).toBe(false);
    expect(matches(row('1', { deadline: now }), f, now)).toBe(false);
    expect(matches(row('1', { deadline: null }), f, now)).toBe(false);
    expect(matches(row('1', { status: 'INVITED' }), { state: 'IN_PROGRESS' }, now)).toBe(false);
  });

  it('counts states with the share submitted in percent', () => {
    expect(countStates([row('1', { status: 'SUBMITTED' }), row('2', { status: 'RANKED' }), row('3', { status: 'INVITED' })])).toEqual({
      notStarted: 1,
      inProgress: 0,
      submitted: 2,
      notParticipating: 0,
      total: 3,
      submittedPercent: '66.67',
    });
    expect(countStates([]).submittedPercent).toBe('0.00');
  });
});
