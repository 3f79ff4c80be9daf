import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { createHash } from 'crypto';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { JobHandler } from '../jobs/job-handler';
import { JobName, JobPayloads } from '../jobs/jobs.types';
import { FileStorage } from '../storage/file-storage';
import { RenderPool } from './render-pool';
import { CertificateData } from './rendering';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "24 November 2026" in the period's time zone. */
export function indonesianDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
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
  private pool: RenderPool | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly storage: FileStorage,
    @Inject(ENV) private readonly env: EnvironmentVariables,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private renderPool(): RenderPool {
    return (this.pool ??= new RenderPool(this.env.CERT_RENDER_THREADS));
  }

  async handle(job: Job<JobPayloads[JobName.RenderCertificates]>) {
    const rows: Record<string, any>[] = await this.ds.query(
      `SELECT c.id, c.code, c.period_id, c.run_id, c.attempts, r.body_name, r.category_name, r.qualification_label, r.final_score, r.rank_in_category,
              per.year, per.timezone, per.certificate_settings, o.name AS organizer_name
         FROM certificates c
         JOIN ranking_results r ON r.run_id = c.run_id AND r.participation_id = c.participation_id
         JOIN periods per ON per.id = c.period_id
         JOIN organizers o ON o.id = c.organizer_id
        WHERE c.id IN (?) AND c.status <> 'ISSUED'`,
      [job.data.certificateIds],
    );
    let issued = 0;
    let failed = 0;
    const now = this.clock.now();
    await Promise.all(
      rows.map(async (r) => {
        const settings = r.certificate_settings ? JSON.parse(r.certificate_settings) : {};
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
          const pdf = await this.renderPool().render(data);
          const key = `certificates/${r.period_id}/${r.run_id}/${r.id}.pdf`;
          await this.storage.put(key, pdf);
          const sha256 = createHash('sha256').update(pdf).digest('hex');
          await this.ds.query(
            `UPDATE certificates SET status = 'ISSUED', storage_key = ?, sha256 = ?, size = ?, issued_at = ?, attempts = attempts + 1, error = NULL WHERE id = ? AND status <> 'ISSUED'`,
            [key, sha256, pdf.length, now, r.id],
          );
          issued++;
        } catch (e) {
          const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          await this.ds.query(`UPDATE certificates SET status = ?, error = ?, attempts = attempts + 1 WHERE id = ?`, [last ? 'FAILED' : 'PENDING', (e as Error).message.slice(0, 2000), r.id]);
          failed++;
        }
      }),
    );
    await job.updateProgress(100);
    if (failed && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw new Error(`${failed} certificate(s) failed to render; retrying`);
    return { issued, failed, skipped: job.data.certificateIds.length - rows.length };
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }
}
