import { cpus } from 'os';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { isLastAttempt, JobHandler } from '../jobs/job-handler';
import { JobName, JobPayloads } from '../jobs/jobs.types';
import { FileStorage } from '../storage/file-storage';
import { CertificateFactsReader, CertificateRef } from './certificate-facts';
import { RenderPool } from './render-pool';
import { CertificateData } from './rendering';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Building an Intl.DateTimeFormat costs ~0.4 ms: one per time zone, kept. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormat = (timeZone: string) => {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })));
  return f;
};

/** `CASE id WHEN ? THEN ? ... END`: one value per certificate id, set in one statement (see `byIdParams`). */
const byId = (rows: { id: string }[]) => `CASE id ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END`;
const byIdParams = <R extends { id: string }>(rows: R[], column: keyof R) => rows.flatMap((r) => [r.id, r[column]]);

/** "24 November 2026" in the period's time zone. */
export function indonesianDate(at: Date, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return `${get('day')} ${MONTHS[get('month') - 1]} ${get('year')}`;
}

/**
 * Renders a chunk of certificates: one query loads what they print, the render pool draws them on
 * every core, each PDF is stored and marked ISSUED. Idempotent: an issued certificate is skipped, so a
 * chunk retried after a killed worker issues each certificate exactly once.
 */
@Injectable()
export class CertificatesJobHandler implements JobHandler<JobName.RenderCertificates>, OnModuleDestroy {
  readonly jobName = JobName.RenderCertificates;
  /** Two chunks per render thread in flight, so no thread waits while a chunk is loaded or saved. */
  readonly concurrency: number;
  private pool: RenderPool | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly facts: CertificateFactsReader,
    private readonly storage: FileStorage,
    @Inject(ENV) private readonly env: EnvironmentVariables,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.concurrency = 2 * (env.CERT_RENDER_THREADS || cpus().length);
  }

  /** Starts the render threads (fonts load once per thread) before the first job arrives. */
  onWorkerStart(): void {
    this.renderPool();
  }

  private renderPool(): RenderPool {
    return (this.pool ??= new RenderPool(this.env.CERT_RENDER_THREADS));
  }

  async handle(job: Job<JobPayloads[JobName.RenderCertificates]>) {
    const certificates: (CertificateRef & { id: string; code: string; attempts: number })[] = await this.ds.query(
      `SELECT id, code, period_id, run_id, organizer_id, participation_id, attempts FROM certificates WHERE id IN (?) AND status <> 'ISSUED'`,
      [job.data.certificateIds],
    );
    const rows = (await this.facts.of(certificates)).map(({ row, facts }) => ({
      ...row,
      body_name: facts.result.bodyName,
      category_name: facts.result.categoryName,
      qualification_label: facts.result.qualificationLabel,
      final_score: facts.result.finalScore,
      rank_in_category: facts.result.rankInCategory,
      year: facts.year,
      timezone: facts.timezone,
      certificate_settings: facts.certificateSettings,
      organizer_name: facts.organizerName,
    }));
    const now = this.clock.now();
    const issued: { id: string; key: string; sha256: string; size: number }[] = [];
    const failures: { id: string; error: string }[] = [];
    await Promise.all(
      rows.map(async (r) => {
        const settings = r.certificate_settings ?? {};
        const data: CertificateData = {
          organizerName: r.organizer_name,
          publicBodyName: r.body_name,
          categoryName: r.category_name,
          year: Number(r.year),
          qualificationLabel: r.qualification_label,
          finalScore: r.final_score,
          rankInCategory: r.rank_in_category === null ? null : Number(r.rank_in_category),
          signatoryName: settings.signatoryName ?? this.env.CERT_SIGNATORY_NAME,
          signatoryTitle: settings.signatoryTitle ?? this.env.CERT_SIGNATORY_TITLE,
          place: settings.place ?? this.env.CERT_PLACE,
          issueDate: indonesianDate(now, r.timezone),
          verificationCode: r.code,
          verificationUrl: `${this.env.PUBLIC_BASE_URL.replace(/\/$/, '')}/verify/${r.code}`,
        };
        try {
          const key = `certificates/${r.period_id}/${r.run_id}/${r.id}.pdf`;
          const local = this.storage.localPath(key);
          const { pdf, sha256, size } = await this.renderPool().render(data, local ?? undefined);
          if (!local) await this.storage.put(key, pdf!);
          issued.push({ id: String(r.id), key, sha256, size });
        } catch (e) {
          failures.push({ id: String(r.id), error: (e as Error).message.slice(0, 2000) });
        }
      }),
    );
    // One statement (one commit) for the issued and one for the failed of a chunk; `status <> 'ISSUED'`
    // keeps an issued certificate as it was.
    if (issued.length) {
      await this.ds.query(
        `UPDATE certificates SET status = 'ISSUED', issued_at = ?, attempts = attempts + 1, error = NULL,
                storage_key = ${byId(issued)}, sha256 = ${byId(issued)}, size = ${byId(issued)}
          WHERE id IN (?) AND status <> 'ISSUED'`,
        [now, ...byIdParams(issued, 'key'), ...byIdParams(issued, 'sha256'), ...byIdParams(issued, 'size'), issued.map((c) => c.id)],
      );
    }
    const last = isLastAttempt(job);
    if (failures.length) {
      await this.ds.query(`UPDATE certificates SET status = ?, error = ${byId(failures)}, attempts = attempts + 1 WHERE id IN (?) AND status <> 'ISSUED'`, [
        last ? 'FAILED' : 'PENDING',
        ...byIdParams(failures, 'error'),
        failures.map((f) => f.id),
      ]);
    }
    // The batch moved (the reconciler's progress clock); DONE once no certificate of it is pending.
    await this.ds.query(
      `UPDATE certificate_batches SET progress_at = ?,
              status = IF(status = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM certificates WHERE batch_id = ? AND status = 'PENDING'), 'DONE', status)
        WHERE id = ?`,
      [this.clock.now(), job.data.batchId, job.data.batchId],
    );
    await job.updateProgress(100);
    if (failures.length && !last) throw new Error(`${failures.length} certificate(s) failed to render; retrying`);
    return { issued: issued.length, failed: failures.length, skipped: job.data.certificateIds.length - rows.length };
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }
}
