import type { ChildProcess } from 'child_process';
import { DELIVERY_CONCURRENCY } from '../src/notifications/notifications.handlers';
import { API, Factory, saqPeriod } from './factories';
import { SmtpCapture } from './support/smtp-capture';
import { bearer, createTestApp, eventually, TestApp } from './support/test-app';
import { startWorker } from './support/worker-process';

describe('notices survive a worker killed mid-delivery', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      workers: false,
      env: { ...smtp.env(), NOTICE_TICK_MS: '300', MAIL_RETRY_DELAY_MS: '200', WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000', WORKER_CONCURRENCY: '1' },
    });
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await t?.close();
    await smtp?.stop();
  });

  it('sends each reminder at most once, however the worker died', async () => {
    const f = new Factory(t);
    const { period, bodies } = await saqPeriod(t, f, { count: 6, year: 2034 });
    const emails: string[] = [];
    for (const b of bodies) emails.push((await t.http().get(`${API}/auth/me`).set(bearer(b.token)).expect(200)).body.email);
    // Every body is reminded (its deadline is within 7 days of this clock in the worker: real time).
    await t
      .http()
      .patch(`${API}/periods/${period.id}`)
      .set(bearer(t.adminToken))
      .send({ schedule: { ...period.schedule, SAQ: { opensAt: period.schedule.SAQ.opensAt, closesAt: new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString() } } })
      .expect(200);
    // Each answer held long enough that the kill lands while the first messages are with the server.
    smtp.hold(1500);
    workers.push(await startWorker(t.env));
    await eventually(async () => smtp.mails.length >= 2, 60000, 50);
    workers[0].kill('SIGKILL');
    await new Promise((r) => workers[0].once('exit', r));
    const sentBeforeKill = smtp.mails.length;
    expect(sentBeforeKill).toBeLessThan(6);
    smtp.hold(0);
    workers.push(await startWorker(t.env));
    const outbox = async () =>
      (await t.http().get(`${API}/notifications?periodId=${period.id}`).set(bearer(t.adminToken)).expect(200)).body.items as {
        recipientEmail: string;
        status: string;
        lastError: string | null;
      }[];
    const rows = await eventually(async () => {
      const r = await outbox();
      return r.length === 6 && r.every((n) => n.status === 'SENT' || n.status === 'FAILED') && r;
    }, 60000);
    await new Promise((r) => setTimeout(r, 1500));
    // Never twice: each body got at most one reminder. A message the killed worker was sending is
    // in doubt (the server may have taken it): FAILED with the reason, for the admin to send again.
    for (const e of emails) expect(smtp.to(e).length).toBeLessThanOrEqual(1);
    // Only what the killed worker had in hand can be in doubt: at most DELIVERY_CONCURRENCY messages at
    // once; every other notice is sent by the next worker.
    const inDoubt = rows.filter((n) => n.status === 'FAILED');
    expect(inDoubt.length).toBeLessThanOrEqual(DELIVERY_CONCURRENCY);
    for (const n of inDoubt) expect(n.lastError).toMatch(/terputus/);
    const sent = rows.filter((r) => r.status === 'SENT');
    expect(sent.length).toBeGreaterThanOrEqual(rows.length - DELIVERY_CONCURRENCY);
    for (const n of sent) expect(smtp.to(n.recipientEmail)).toHaveLength(1);
    // What the server holds is exactly the SENT notices plus those in doubt it had taken.
    expect(smtp.mails.length).toBe(sent.length + inDoubt.filter((n) => smtp.to(n.recipientEmail).length === 1).length);
    expect(smtp.mails.length).toBeGreaterThanOrEqual(sentBeforeKill);
  });
});
