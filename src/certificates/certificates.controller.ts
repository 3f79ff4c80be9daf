import { Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { PublicThrottleGuard } from '../auth/throttle';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth-user';
import { attachmentDisposition } from '../common/content-disposition';
import { CertificatesService } from './certificates.service';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(202)
  @Post('periods/:id/certificates')
  issue(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.certificates.issue(user, id);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Get('certificate-batches/:id')
  batch(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.certificates.batch(user, id);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(202)
  @Post('certificates/:id/retry')
  retry(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.certificates.retry(user, id);
  }

  @ApiBearerAuth()
  @Roles('admin', 'public_body')
  @Get('participations/:id/certificate')
  async pdf(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response) {
    const { stream, size, code } = await this.certificates.pdf(user, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(size));
    res.setHeader('Content-Disposition', attachmentDisposition(`piagam-${code}.pdf`));
    stream.pipe(res);
  }

  @ApiBearerAuth()
  @Roles('admin', 'public_body')
  @Get('participations/:id/certificate/meta')
  meta(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.certificates.meta(user, id);
  }

  @Public()
  @UseGuards(PublicThrottleGuard)
  @Get('public/certificates/:code')
  verify(@Param('code') code: string) {
    return this.certificates.verify(code);
  }
}
