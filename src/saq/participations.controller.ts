import { Body, Controller, Get, HttpCode, Param, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { attachmentDisposition } from '../common/content-disposition';
import { AnswersService } from './answers.service';
import { DeadlineDto, SaveAnswerDto } from './dto/saq.dto';
import { EvidenceFileInterceptor } from './evidence-file.interceptor';
import { EvidenceService } from './evidence.service';
import { ParticipationsService } from './participations.service';

@ApiTags('saq')
@ApiBearerAuth()
@Controller()
export class ParticipationsController {
  constructor(
    private readonly participations: ParticipationsService,
    private readonly answers: AnswersService,
    private readonly evidence: EvidenceService,
  ) {}

  @Roles('public_body')
  @Get('participations/mine')
  mine(@CurrentUser() user: AuthUser) {
    return this.participations.mine(user);
  }

  @Get('participations/:id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.participations.get(user, id);
  }

  @Get('participations/:id/answers')
  listAnswers(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.answers.list(user, id);
  }

  @Roles('public_body')
  @Put('participations/:id/answers/:questionCode')
  saveAnswer(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('questionCode') code: string, @Body() dto: SaveAnswerDto) {
    return this.answers.save(user, id, code, dto);
  }

  @Roles('public_body')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(EvidenceFileInterceptor)
  @Post('participations/:id/evidence')
  upload(@CurrentUser() user: AuthUser, @Param('id') id: string, @UploadedFile() file?: Express.Multer.File) {
    return this.evidence.upload(user, id, file);
  }

  @Roles('admin', 'public_body', 'assessor')
  @Get('participations/:id/evidence')
  listEvidence(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.evidence.list(user, id);
  }

  @Roles('public_body')
  @HttpCode(200)
  @Post('participations/:id/submit')
  submit(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.participations.submit(user, id);
  }

  @Roles('admin')
  @Put('participations/:id/deadline')
  setDeadline(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: DeadlineDto) {
    return this.participations.setDeadline(user, id, dto);
  }

  @Roles('admin', 'public_body', 'assessor')
  @Get('evidence/:id')
  async download(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response) {
    const { evidence, stream } = await this.evidence.open(user, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(evidence.size));
    res.setHeader('Content-Disposition', attachmentDisposition(evidence.fileName));
    res.setHeader('X-Content-SHA256', evidence.sha256);
    stream.pipe(res);
  }
}
