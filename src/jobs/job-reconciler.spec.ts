import { reconcileAction } from './job-reconciler';

describe('reconcileAction', () => {
  const policy = { graceMs: 1000, staleAfterMs: 60000, maxAttempts: 3 };
  const now = new Date('2026-12-01T00:10:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('leaves a live job that is moving, and anything that moved within the grace period', () => {
    expect(reconcileAction({ jobLost: false, progressAt: ago(30000), reconciles: 0 }, now, policy)).toBe('keep');
    expect(reconcileAction({ jobLost: true, progressAt: ago(500), reconciles: 0 }, now, policy)).toBe('keep');
  });

  it('re-enqueues a lost job, or a live one that stopped moving, until the bound; then fails', () => {
    expect(reconcileAction({ jobLost: true, progressAt: ago(2000), reconciles: 0 }, now, policy)).toBe('requeue');
    expect(reconcileAction({ jobLost: false, progressAt: ago(61000), reconciles: 2 }, now, policy)).toBe('requeue');
    expect(reconcileAction({ jobLost: true, progressAt: ago(2000), reconciles: 3 }, now, policy)).toBe('fail');
    expect(reconcileAction({ jobLost: false, progressAt: ago(61000), reconciles: 3 }, now, policy)).toBe('fail');
  });
});
