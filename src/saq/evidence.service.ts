import { createHash, randomUUID } from 'crypto';
import { Readable } from 'stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ParticipationAccess } from '../access/participation-access';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { badRequest, notFound, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { inTransaction } from '../database/transaction';
import { isWindowOpen } from '../periods/stage-machine';
import { FileStorage } from '../storage/file-storage';
import { EvidenceDto } from './dto/participation.dto';
import { Evidence } from './entities/evidence.entity';
import { PdfChecker, pdfRefusal } from './pdf-checker';
import { displayFileName, isPdf, saqWriteRefusal } from './saq-rules';
import { EvidenceErrorCode } from './saq.errors';

/** What the API shows of a stored evidence file. */
export type EvidenceView = EvidenceDto;

@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ParticipationAccess,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: EnvironmentVariables,
    private readonly pdfChecker: PdfChecker,
  ) {}

  /**
   * Stores a PDF for the body's SAQ: checked by content (checkFile), at most EVIDENCE_MAX_BYTES,
   * under a key the service makes; the client's name is kept as display text only.
   * Accepted while the SAQ is writable, and inside the OBJECTION window for a verified SAQ (an
   * objection adds new evidence; it never replaces what was submitted).
   */
  async upload(user: AuthUser, participationId: string, file: Express.Multer.File | undefined): Promise<EvidenceView> {
    if (!file)
      throw badRequest(EvidenceErrorCode.FILE_REQUIRED, 'Send the PDF as multipart field "file"', [{ field: 'file', message: 'file is required', code: FieldErrorCode.REQUIRED }]);
    const p = await this.access.load(user, participationId, 'owner');
    const now = this.clock.now();
    const objectionOpen = p.stage === 'OBJECTION' && p.status === 'VERIFIED' && isWindowOpen(p.stage, 'OBJECTION', new Date(p.schedule.OBJECTION!.closesAt), now);
    const purpose = objectionOpen ? 'objection' : 'saq';
    if (!objectionOpen) {
      const refusal = saqWriteRefusal(p, now);
      if (refusal) throw unprocessable(refusal.code, refusal.message, refusal.details);
    }
    await this.checkFile(file.buffer);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const storageKey = `evidence/${p.periodId}/${p.id}/${randomUUID()}.pdf`;
    await this.storage.put(storageKey, file.buffer);
    return inTransaction(this.ds, async (em) => {
      const saved = await em.getRepository(Evidence).save({
        participationId: p.id,
        storageKey,
        fileName: displayFileName(file.originalname),
        size: file.buffer.length,
        sha256,
        uploadedBy: user.id,
        createdAt: this.clock.now(),
      });
      const view = toView(saved);
      await this.audit.record(em, {
        organizerId: p.organizerId,
        actorId: user.id,
        action: 'evidence.upload',
        entityType: 'evidence',
        entityId: saved.id,
        after: { ...view, participationId: p.id, purpose },
      });
      return view;
    });
  }

  /** At most EVIDENCE_MAX_BYTES, starting with `%PDF-`, and a PDF a reader opens: it parses, has a page, needs no password. */
  /** Which of `ids` are evidence of the participation (an objection's attachments). */
  async idsOf(em: EntityManager, participationId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await em.query('SELECT id FROM evidence WHERE participation_id = ? AND id IN (?)', [participationId, ids]);
    return new Set(rows.map((r) => String(r.id)));
  }

  async checkFile(buf: Buffer): Promise<void> {
    if (buf.length > this.env.EVIDENCE_MAX_BYTES) {
      throw unprocessable(EvidenceErrorCode.TOO_LARGE, `The file is ${buf.length} bytes; evidence may be at most ${this.env.EVIDENCE_MAX_BYTES} bytes`, {
        size: buf.length,
        maxBytes: this.env.EVIDENCE_MAX_BYTES,
      });
    }
    if (!isPdf(buf)) throw unprocessable(EvidenceErrorCode.NOT_PDF, 'Evidence must be a PDF file (its content does not start with %PDF-)', { expected: 'application/pdf' });
    const refusal = pdfRefusal(await this.pdfChecker.check(buf));
    if (refusal) throw unprocessable(refusal.code, refusal.message, { expected: 'application/pdf', reason: refusal.reason });
  }

  /** The participation's uploaded files, oldest first, so an answer can reuse one. */
  async list(user: AuthUser, participationId: string): Promise<{ items: EvidenceView[] }> {
    const p = await this.access.load(user, participationId, 'read');
    const rows = await this.ds.getRepository(Evidence).find({ where: { participationId: p.id }, order: { id: 'ASC' } });
    return { items: rows.map(toView) };
  }

  async open(user: AuthUser, id: string): Promise<{ evidence: EvidenceView; stream: Readable }> {
    const e = await this.ds.getRepository(Evidence).findOne({ where: { id } });
    if (!e) throw notFound(EvidenceErrorCode.NOT_FOUND, 'Evidence', id);
    await this.access.load(user, e.participationId, 'read').catch(() => {
      throw notFound(EvidenceErrorCode.NOT_FOUND, 'Evidence', id);
    });
    return { evidence: toView(e), stream: await this.storage.read(e.storageKey) };
  }
}

const toView = (e: Evidence): EvidenceView => ({ id: e.id, fileName: e.fileName, size: e.size, sha256: e.sha256, createdAt: e.createdAt.toISOString() });
