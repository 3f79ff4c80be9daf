import { randomBytes } from 'crypto';
import { Readable } from 'stream';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ParticipationAccess } from '../access/participation-access';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { notFound, unprocessable } from '../common/errors';
import { pageOf, PageQuery, skipTake } from '../common/pagination';
import { inTransaction } from '../database/transaction';
import { jobToken } from '../jobs/job-reconciler';
import { JobsService } from '../jobs/jobs.service';
import { JobName } from '../jobs/jobs.types';
import { PeriodsService } from '../periods/periods.service';
import { RankingResultsReader } from '../rankings/ranking-results-reader';
import { RankingsService } from '../rankings/rankings.service';
import { FileStorage } from '../storage/file-storage';
import { CertificateFactsReader, CertificateRef } from './certificate-facts';
import { CertificateErrorCode } from './certificates.errors';
import {
  BatchStatus,
  CertificateBatchDto,
  CertificateBatchesDto,
  CertificateBatchQueuedDto,
  CertificateMetaDto,
  CertificateRetryDto,
  CertificateVerificationDto,
  RevokedCertificatesDto,
} from './dto/certificate.dto';

/** Certificates per render job: short jobs keep lock renewal healthy and progress fine-grained. */
export const CERTIFICATES_PER_JOB = 100;

/** Attempts of one chunk job before its still-failing certificates are marked FAILED. */
export const CHUNK_ATTEMPTS = 5;

/** The job id of chunk `chunk` of a batch (`job_id_prefix` carries the batch id and a random token). */
export const chunkJobId = (jobIdPrefix: string, chunk: number) => `${jobIdPrefix}-${chunk}`;

/** 128 random bits, URL-safe (base64url, 22 characters). */
export const newVerificationCode = (): string => randomBytes(16).toString('base64url');

@Injectable()
export class CertificatesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly rankings: RankingsService,
    private readonly results: RankingResultsReader,
    private readonly facts: CertificateFactsReader,
    private readonly access: ParticipationAccess,
    private readonly jobs: JobsService,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Publishing another run revokes the certificates of every earlier run of the period. */
  onModuleInit(): void {
    this.rankings.onPublish(async (em, e) => {
      await em.query('UPDATE certificates SET revoked_at = ? WHERE period_id = ? AND run_id <> ? AND revoked_at IS NULL', [e.at, e.periodId, e.runId]);
    });
  }

  /**
   * One certificate per ranked body of the published run (a unique key on run + participation, so a
   * re-run creates none twice), queued in chunks; a re-run re-queues only those not yet issued.
   */
  async issue(actor: AuthUser, periodId: string): Promise<CertificateBatchQueuedDto> {
    const { batchId, jobIdPrefix, ids } = await inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      if (period.stage !== 'PUBLISHED' || !period.publishedRunId)
        throw unprocessable(CertificateErrorCode.RANKING_NOT_PUBLISHED, `Certificates are issued for a published ranking (period is in ${period.stage})`, { stage: period.stage });
      const runId = period.publishedRunId;
      const ranked = (await this.results.rankedParticipationIds(em, runId)).map((participation_id) => ({ participation_id }));
      const now = this.clock.now();
      const batch = await em.query('INSERT INTO certificate_batches (organizer_id, period_id, run_id, total, created_by, created_at, progress_at) VALUES (?, ?, ?, 0, ?, ?, ?)', [
        actor.organizerId,
        period.id,
        runId,
        actor.id,
        now,
        now,
      ]);
      const batchId = String(batch.insertId);
      const jobIdPrefix = `certificates-${batchId}-${jobToken()}`;
      for (let i = 0; i < ranked.length; i += 1000) {
        const rows = ranked.slice(i, i + 1000).map((r) => [actor.organizerId, period.id, runId, r.participation_id, batchId, newVerificationCode()]);
        await em.query('INSERT IGNORE INTO certificates (organizer_id, period_id, run_id, participation_id, batch_id, code) VALUES ?', [rows]);
      }
      await em.query(`UPDATE certificates SET batch_id = ?, status = IF(status = 'FAILED', 'PENDING', status) WHERE run_id = ? AND status <> 'ISSUED'`, [batchId, runId]);
      const pending: { id: string }[] = await em.query(`SELECT id FROM certificates WHERE batch_id = ? ORDER BY id`, [batchId]);
      // Each certificate's chunk is kept, so a chunk job Redis lost can be rebuilt from MySQL alone.
      await em.query(
        `UPDATE certificates c JOIN (SELECT id, FLOOR((ROW_NUMBER() OVER (ORDER BY id) - 1) / ?) AS chunk FROM certificates WHERE batch_id = ?) n ON n.id = c.id SET c.chunk = n.chunk`,
        [CERTIFICATES_PER_JOB, batchId],
      );
      await em.query(`UPDATE certificate_batches SET total = ?, job_id_prefix = ?, status = IF(? = 0, 'DONE', 'RUNNING') WHERE id = ?`, [
        pending.length,
        jobIdPrefix,
        pending.length,
        batchId,
      ]);
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: 'certificates.issue',
        entityType: 'certificate',
        entityId: `batch:${batchId}`,
        after: { runId, total: pending.length, ranked: ranked.length },
      });
      return { batchId, jobIdPrefix, ids: pending.map((p) => String(p.id)) };
    });
    for (let i = 0; i < ids.length; i += CERTIFICATES_PER_JOB) {
      await this.jobs.enqueue(
        JobName.RenderCertificates,
        { organizerId: actor.organizerId, batchId, certificateIds: ids.slice(i, i + CERTIFICATES_PER_JOB) },
        { jobId: chunkJobId(jobIdPrefix, i / CERTIFICATES_PER_JOB), attempts: CHUNK_ATTEMPTS },
      );
    }
    return { batchId, total: ids.length };
  }

  /** Renders one failed (or pending) certificate again, alone. */
  async retry(actor: AuthUser, certificateId: string): Promise<CertificateRetryDto> {
    const [c] = await this.ds.query('SELECT id, status, batch_id FROM certificates WHERE id = ? AND organizer_id = ?', [certificateId, actor.organizerId]);
    if (!c) throw notFound(CertificateErrorCode.NOT_FOUND, 'Certificate', certificateId);
    if (c.status === 'ISSUED') throw unprocessable(CertificateErrorCode.ALREADY_ISSUED, 'This certificate is already issued', { status: c.status });
    // A chunk of its own in its batch, which watches it again, so a lost retry job is rebuilt too.
    const { jobId, batchId } = await inTransaction(this.ds, async (em) => {
      const [b] = await em.query('SELECT id, job_id_prefix FROM certificate_batches WHERE id = ? FOR UPDATE', [c.batch_id]);
      const [{ chunk }] = await em.query('SELECT COALESCE(MAX(chunk), -1) + 1 AS chunk FROM certificates WHERE batch_id = ?', [b.id]);
      await em.query(`UPDATE certificates SET status = 'PENDING', error = NULL, chunk = ? WHERE id = ?`, [chunk, c.id]);
      await em.query(`UPDATE certificate_batches SET status = 'RUNNING', error = NULL, reconciles = 0, progress_at = ? WHERE id = ?`, [this.clock.now(), b.id]);
      return { jobId: chunkJobId(b.job_id_prefix, Number(chunk)), batchId: String(b.id) };
    });
    await this.jobs.enqueue(JobName.RenderCertificates, { organizerId: actor.organizerId, batchId, certificateIds: [String(c.id)] }, { jobId, attempts: CHUNK_ATTEMPTS });
    return { certificateId: String(c.id), jobId };
  }

  async batch(actor: AuthUser, batchId: string): Promise<CertificateBatchDto> {
    const [b] = await this.ds.query('SELECT id, period_id, run_id, total, status, error, created_at FROM certificate_batches WHERE id = ? AND organizer_id = ?', [
      batchId,
      actor.organizerId,
    ]);
    if (!b) throw notFound(CertificateErrorCode.BATCH_NOT_FOUND, 'Certificate batch', batchId);
    const [c] = await this.ds.query(`SELECT SUM(status = 'ISSUED') AS done, SUM(status = 'FAILED') AS failed FROM certificates WHERE batch_id = ?`, [b.id]);
    const errors: { id: string; participation_id: string; error: string }[] = await this.ds.query(
      `SELECT id, participation_id, error FROM certificates WHERE batch_id = ? AND status = 'FAILED' ORDER BY id LIMIT 20`,
      [b.id],
    );
    const total = Number(b.total);
    const done = Number(c.done ?? 0);
    const failed = Number(c.failed ?? 0);
    return {
      id: String(b.id),
      periodId: String(b.period_id),
      runId: String(b.run_id),
      status: (b.status === 'FAILED' ? 'FAILED' : done + failed < total ? 'RUNNING' : failed ? 'DONE_WITH_ERRORS' : 'DONE') as BatchStatus,
      ...(b.error ? { error: b.error } : {}),
      total,
      done,
      failed,
      failures: errors.map((e) => ({ certificateId: String(e.id), participationId: String(e.participation_id), error: e.error })),
      createdAt: new Date(b.created_at).toISOString(),
    };
  }

  /** A period's batches, newest first, each with its progress. */
  async batches(actor: AuthUser, periodId: string): Promise<CertificateBatchesDto> {
    const period = await this.periods.find(actor.organizerId, periodId);
    const ids: { id: string }[] = await this.ds.query('SELECT id FROM certificate_batches WHERE period_id = ? ORDER BY id DESC LIMIT 20', [period.id]);
    return { items: await Promise.all(ids.map((b) => this.batch(actor, String(b.id)))) };
  }

  /** A period's revoked certificates (replaced by a later publication), newest revocation first. */
  async revoked(actor: AuthUser, periodId: string, q: PageQuery): Promise<RevokedCertificatesDto> {
    const period = await this.periods.find(actor.organizerId, periodId);
    const { skip, take } = skipTake(q);
    const [[{ total }], rows] = await Promise.all([
      this.ds.query(`SELECT COUNT(*) AS total FROM certificates WHERE period_id = ? AND status = 'ISSUED' AND revoked_at IS NOT NULL`, [period.id]),
      this.ds.query(
        `SELECT id, code, participation_id, run_id, period_id, organizer_id, issued_at, revoked_at FROM certificates
          WHERE period_id = ? AND status = 'ISSUED' AND revoked_at IS NOT NULL ORDER BY revoked_at DESC, id DESC LIMIT ? OFFSET ?`,
        [period.id, take, skip],
      ) as Promise<(CertificateRef & { id: string; code: string; issued_at: Date; revoked_at: Date })[]>,
    ]);
    const items = (await this.facts.of(rows)).map(({ row, facts }) => ({
      id: String(row.id),
      code: row.code,
      participationId: String(row.participation_id),
      publicBody: facts.result.bodyName,
      categoryCode: facts.result.categoryCode,
      runId: String(row.run_id),
      qualificationLabel: facts.result.qualificationLabel,
      finalScore: facts.result.finalScore,
      issuedAt: new Date(row.issued_at).toISOString(),
      revokedAt: new Date(row.revoked_at).toISOString(),
    }));
    return pageOf(items, Number(total), q);
  }

  /** The participation's certificate of the published run (the owner's body or an admin). */
  private async current(user: AuthUser, participationId: string, em: EntityManager = this.ds.manager) {
    const p = await this.access.load(user, participationId, user.role === 'admin' ? 'admin' : 'owner', em);
    const publishedRunId = (await this.periods.certificateFactsOf([p.periodId])).get(p.periodId)?.publishedRunId ?? null;
    const [c] = await em.query(`SELECT * FROM certificates WHERE participation_id = ? AND status = 'ISSUED' ORDER BY (run_id = ?) DESC, id DESC LIMIT 1`, [p.id, publishedRunId]);
    if (!c) throw notFound(CertificateErrorCode.NOT_FOUND, 'Certificate of participation', participationId);
    return c;
  }

  async meta(user: AuthUser, participationId: string): Promise<CertificateMetaDto> {
    const c = await this.current(user, participationId);
    return { code: c.code, sha256: c.sha256, size: Number(c.size), issuedAt: new Date(c.issued_at).toISOString(), revoked: c.revoked_at !== null, runId: String(c.run_id) };
  }

  async pdf(user: AuthUser, participationId: string): Promise<{ stream: Readable; size: number; code: string }> {
    const c = await this.current(user, participationId);
    return { stream: await this.storage.read(c.storage_key), size: Number(c.size), code: c.code };
  }

  /** What anyone may learn from a code printed on a certificate. */
  async verify(code: string): Promise<CertificateVerificationDto> {
    if (!/^[A-Za-z0-9_-]{16,43}$/.test(code)) throw notFound(CertificateErrorCode.NOT_FOUND, 'Certificate', code);
    const issued: (CertificateRef & { status: string; issued_at: Date; revoked_at: Date | null })[] = await this.ds.query(
      `SELECT status, issued_at, revoked_at, run_id, participation_id, period_id, organizer_id FROM certificates WHERE code = ? AND status = 'ISSUED'`,
      [code],
    );
    const [c] = (await this.facts.of(issued)).map(({ row, facts }) => ({
      ...row,
      body_name: facts.result.bodyName,
      category_code: facts.result.categoryCode,
      qualification: facts.result.qualification,
      qualification_label: facts.result.qualificationLabel,
      final_score: facts.result.finalScore,
      rank_in_category: facts.result.rankInCategory,
      year: facts.year,
      timezone: facts.timezone,
      organizer: facts.organizerName,
    }));
    if (!c) throw notFound(CertificateErrorCode.NOT_FOUND, 'Certificate', code);
    const revoked = c.revoked_at !== null;
    return {
      valid: !revoked,
      revoked,
      publicBody: c.body_name,
      categoryCode: c.category_code,
      year: Number(c.year),
      qualification: c.qualification,
      qualificationLabel: c.qualification_label,
      finalScore: c.final_score,
      rankInCategory: c.rank_in_category === null ? null : Number(c.rank_in_category),
      organizer: c.organizer,
      timezone: c.timezone,
      issuedAt: new Date(c.issued_at).toISOString(),
      ...(c.revoked_at !== null ? { revokedAt: new Date(c.revoked_at).toISOString() } : {}),
    };
  }
}
