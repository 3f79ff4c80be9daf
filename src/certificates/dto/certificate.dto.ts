import { ApiBool, ApiEnum, ApiId, ApiInstant, ApiInt, ApiNested, ApiScore, ApiText } from '../../common/api-schema';
import { paginatedDto } from '../../common/pagination';

export const BATCH_STATUSES = ['RUNNING', 'DONE', 'DONE_WITH_ERRORS', 'FAILED'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export class CertificateBatchQueuedDto {
  @ApiId() batchId: string;
  @ApiInt({ description: 'certificates queued for rendering' }) total: number;
}

export class CertificateFailureDto {
  @ApiId() certificateId: string;
  @ApiId() participationId: string;
  @ApiText() error: string;
}

export class CertificateBatchDto {
  @ApiId() id: string;
  @ApiId() periodId: string;
  @ApiId() runId: string;
  @ApiEnum(BATCH_STATUSES, { enumName: 'CertificateBatchStatus' }) status: BatchStatus;
  @ApiText({ optional: true, description: 'why the batch failed (status FAILED)' }) error?: string;
  @ApiInt() total: number;
  @ApiInt() done: number;
  @ApiInt() failed: number;
  @ApiNested(() => CertificateFailureDto, { isArray: true, description: 'the first 20 failures' }) failures: CertificateFailureDto[];
  @ApiInstant() createdAt: string;
}

export class CertificateRetryDto {
  @ApiId() certificateId: string;
  @ApiText() jobId: string;
}

export class CertificateMetaDto {
  @ApiText({ description: 'the verification code printed on the certificate' }) code: string;
  @ApiText({ description: 'hex SHA-256 of the PDF' }) sha256: string;
  @ApiInt({ description: 'bytes' }) size: number;
  @ApiInstant() issuedAt: string;
  @ApiBool({ description: 'true once a later publication replaced the run' }) revoked: boolean;
  @ApiId() runId: string;
}

/** What anyone may learn from a certificate's code. */
export class CertificateVerificationDto {
  @ApiBool() valid: boolean;
  @ApiBool() revoked: boolean;
  @ApiText({ description: "the body's name" }) publicBody: string;
  @ApiText() categoryCode: string;
  @ApiInt() year: number;
  @ApiText() qualification: string;
  @ApiText() qualificationLabel: string;
  @ApiScore() finalScore: string;
  @ApiInt({ nullable: true }) rankInCategory: number | null;
  @ApiText({ description: "the organizer's name" }) organizer: string;
  @ApiText({ example: 'Asia/Jakarta', description: "the period's time zone, for showing the dates" }) timezone: string;
  @ApiInstant() issuedAt: string;
  @ApiInstant({ optional: true, description: 'present when revoked' }) revokedAt?: string;
}

/** A certificate replaced by a later publication (a correction): its code now reads "dicabut". */
export class RevokedCertificateDto {
  @ApiId() id: string;
  @ApiText() code: string;
  @ApiId() participationId: string;
  @ApiText({ description: "the body's name" }) publicBody: string;
  @ApiText() categoryCode: string;
  @ApiId() runId: string;
  @ApiText() qualificationLabel: string;
  @ApiScore() finalScore: string;
  @ApiInstant() issuedAt: string;
  @ApiInstant() revokedAt: string;
}

export class RevokedCertificatesDto extends paginatedDto(RevokedCertificateDto) {}

/** A period's certificate batches, newest first. */
export class CertificateBatchesDto {
  @ApiNested(() => CertificateBatchDto, { isArray: true }) items: CertificateBatchDto[];
}
