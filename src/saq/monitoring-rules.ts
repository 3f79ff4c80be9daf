/** How the secretariat watches the SAQ (pure): a participation's state, the filters, the sort orders, the counts. */
import { dec, format2 } from '../scoring/decimal';
import { unreachable } from '../scoring/never';
import type { ParticipationStatus } from './entities/participation.entity';

/** What the monitoring shows of a status: belum mulai, mengisi, terkirim, or out of the monev. */
export const MONITORING_STATES = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'NOT_PARTICIPATING'] as const;
export type MonitoringState = (typeof MONITORING_STATES)[number];

export function monitoringStateOf(status: ParticipationStatus): MonitoringState {
  switch (status) {
    case 'INVITED':
      return 'NOT_STARTED';
    case 'IN_PROGRESS':
      return 'IN_PROGRESS';
    case 'SUBMITTED':
    case 'VERIFIED':
    case 'FINALIST':
    case 'RANKED':
      return 'SUBMITTED';
    case 'NOT_PARTICIPATING':
      return 'NOT_PARTICIPATING';
    default:
      return unreachable(status, 'participation status');
  }
}

export const MONITORING_SORTS = ['progress', 'lastActivity', 'deadline'] as const;
export type MonitoringSort = (typeof MONITORING_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface MonitoringRow {
  participationId: string;
  publicBodyId: string;
  categoryId: string;
  status: ParticipationStatus;
  /** answered questions that apply to the body's category, as GET /participations/:id counts them */
  answered: number;
  /** questions that apply to the body's category */
  total: number;
  lastActivityAt: Date | null;
  deadline: Date | null;
  deadlineExtended: boolean;
  submittedAt: Date | null;
}

export interface MonitoringFilter {
  state?: MonitoringState;
  categoryId?: string;
  /** only bodies whose deadline is still ahead and at most this many days away */
  deadlineWithinDays?: number;
}

const DAY_MS = 24 * 3600 * 1000;

export function matches(row: MonitoringRow, f: MonitoringFilter, now: Date): boolean {
  if (f.state && monitoringStateOf(row.status) !== f.state) return false;
  if (f.categoryId && row.categoryId !== f.categoryId) return false;
  if (f.deadlineWithinDays !== undefined) {
    if (!row.deadline) return false;
    const left = row.deadline.getTime() - now.getTime();
    if (left <= 0 || left > f.deadlineWithinDays * DAY_MS) return false;
  }
  return true;
}

/** answered/total compared exactly (cross-multiplied integers); a body with no question counts as complete. */
function compareProgress(a: MonitoringRow, b: MonitoringRow): number {
  const [an, ad] = a.total ? [a.answered, a.total] : [1, 1];
  const [bn, bd] = b.total ? [b.answered, b.total] : [1, 1];
  return an * bd - bn * ad;
}

/** null instants sort before every instant ascending (never active, no deadline). */
const compareInstants = (a: Date | null, b: Date | null): number => (a?.getTime() ?? -Infinity) - (b?.getTime() ?? -Infinity) || 0;

function compareBy(sort: MonitoringSort, a: MonitoringRow, b: MonitoringRow): number {
  switch (sort) {
    case 'progress':
      return compareProgress(a, b);
    case 'lastActivity':
      return compareInstants(a.lastActivityAt, b.lastActivityAt);
    case 'deadline':
      return compareInstants(a.deadline, b.deadline);
    default:
      return unreachable(sort, 'monitoring sort');
  }
}

/** Decimal id strings in numeric order without parsing them (BIGINT ids may exceed 2^53). */
const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Sorted by `sort` in `order`; ties keep the participation id order, so pages are stable. */
export function sortRows(rows: MonitoringRow[], sort: MonitoringSort, order: SortOrder): MonitoringRow[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compareBy(sort, a, b) || compareIds(a.participationId, b.participationId));
}

export interface StateCounts {
  notStarted: number;
  inProgress: number;
  submitted: number;
  notParticipating: number;
  total: number;
  /** submitted / total in percent, two decimals */
  submittedPercent: string;
}

const KEY: Record<MonitoringState, keyof Omit<StateCounts, 'total' | 'submittedPercent'>> = {
  NOT_STARTED: 'notStarted',
  IN_PROGRESS: 'inProgress',
  SUBMITTED: 'submitted',
  NOT_PARTICIPATING: 'notParticipating',
};

export function countStates(rows: MonitoringRow[]): StateCounts {
  const c = { notStarted: 0, inProgress: 0, submitted: 0, notParticipating: 0 };
  for (const r of rows) c[KEY[monitoringStateOf(r.status)]]++;
  const total = rows.length;
  return { ...c, total, submittedPercent: format2(total ? dec(c.submitted).times(100).div(total) : 0)! };
}
