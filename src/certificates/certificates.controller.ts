import { Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ParticipationErrorCode } from '../access/access.errors';
import { PublicThrottleGuard } from '../auth/throttle';
import { binaryResponse } from '../common/api-schema';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth-user';
import { attachmentDisposition } from '../common/content-disposition';
import { ParseIdPipe } from '../common/id';
import { PageQuery } from '../common/pagination';
import { PeriodErrorCode } from '../periods/periods.errors';
import { CertificateErrorCode } from './certificates.errors';
import { CertificatesService } from './certificates.service';
import {
  CertificateBatchDto,
  CertificateBatchesDto,
  CertificateBatchQueuedDto,
  CertificateMetaDto,
  CertificateRetryDto,
  CertificateVerificationDto,
  RevokedCertificatesDto,
} from './dto/certificate.dto';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CertificateBatchQueuedDto })
  @Post('periods/:id/certificates')
  issue(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<CertificateBatchQueuedDto> {
    return this.certificates.issue(user, id);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: CertificateBatchesDto })
  @Get('periods/:id/certificate-batches')
  batches(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<CertificateBatchesDto> {
    return this.certificates.batches(user, id);
  }

  /** Certificates of earlier runs, revoked when a correction was published. */
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: RevokedCertificatesDto })
  @Get('periods/:id/certificates/revoked')
  revoked(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Query() q: PageQuery): Promise<RevokedCertificatesDto> {
    return this.certificates.revoked(user, id, q);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: CertificateBatchDto })
  @Get('certificate-batches/:id')
  batch(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(CertificateErrorCode.BATCH_NOT_FOUND, 'Certificate batch')) id: string): Promise<CertificateBatchDto> {
    return this.certificates.batch(user, id);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CertificateRetryDto })
  @Post('certificates/:id/retry')
  retry(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(CertificateErrorCode.NOT_FOUND, 'Certificate')) id: string): Promise<CertificateRetryDto> {
    return this.certificates.retry(user, id);
  }

  @ApiBearerAuth()
  @Roles('admin', 'public_body')
  @ApiProduces('application/pdf')
  @ApiOkResponse(binaryResponse('the certificate (piagam) PDF'))
  @Get('participations/:id/certificate')
  async pdf(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation')) id: string, @Res() res: Response): Promise<void> {
    const { stream, size, code } = await this.certificates.pdf(user, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(size));
    res.setHeader('Content-Disposition', attachmentDisposition(`piagam-${code}.pdf`));
    stream.pipe(res);
  }

  @ApiBearerAuth()
  @Roles('admin', 'public_body')
  @ApiOkResponse({ type: CertificateMetaDto })
  @Get('participations/:id/certificate/meta')
  meta(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation')) id: string): Promise<CertificateMetaDto> {
    return this.certificates.meta(user, id);
  }

  @Public()
  @UseGuards(PublicThrottleGuard)
  @ApiOkResponse({ type: CertificateVerificationDto })
  @Get('public/certificates/:code')
  verify(@Param('code') code: string): Promise<CertificateVerificationDto> {
    return this.certificates.verify(code);
  }
}
