import { Body, Controller, Get, HttpCode, Param, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ParticipationErrorCode } from '../access/access.errors';
import { binaryResponse } from '../common/api-schema';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { attachmentDisposition } from '../common/content-disposition';
import { ParseIdPipe } from '../common/id';
import { Items, itemsDto, Page, paginatedDto } from '../common/pagination';
import { SAVE_ANSWER_BODY, SaveAnswerInput } from './answer-input';
import { AnswersService } from './answers.service';
import { AnswerDto, EvidenceDto, ParticipationDto } from './dto/participation.dto';
import { DeadlineDto, SaveAnswerDto } from './dto/saq.dto';
import { EvidenceFileInterceptor } from './evidence-file.interceptor';
import { EvidenceService } from './evidence.service';
import { ParticipationsService } from './participations.service';
import { EvidenceErrorCode } from './saq.errors';

/** A participation's id in the path (also the answer save's early route, answer-save-route.ts). */
export const PARTICIPATION_ID = new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation');

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
  @ApiOkResponse({ type: paginatedDto(ParticipationDto) })
  @Get('participations/mine')
  mine(@CurrentUser() user: AuthUser): Promise<Page<ParticipationDto>> {
    return this.participations.mine(user);
  }

  @ApiOkResponse({ type: ParticipationDto })
  @Get('participations/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', PARTICIPATION_ID) id: string): Promise<ParticipationDto> {
    return this.participations.get(user, id);
  }

  @ApiOkResponse({ type: itemsDto(AnswerDto) })
  @Get('participations/:id/answers')
  listAnswers(@CurrentUser() user: AuthUser, @Param('id', PARTICIPATION_ID) id: string): Promise<Items<AnswerDto>> {
    return this.answers.list(user, id);
  }

  @Roles('public_body')
  @ApiBody({ type: SaveAnswerDto })
  @ApiOkResponse({ type: AnswerDto })
  @Put('participations/:id/answers/:questionCode')
  saveAnswer(
    @CurrentUser() user: AuthUser,
    @Param('id', PARTICIPATION_ID) id: string,
    @Param('questionCode') code: string,
    @Body(SAVE_ANSWER_BODY) dto: SaveAnswerInput,
  ): Promise<AnswerDto> {
    return this.answers.save(user, id, code, dto);
  }

  @Roles('public_body')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(EvidenceFileInterceptor)
  @ApiCreatedResponse({ type: EvidenceDto })
  @Post('participations/:id/evidence')
  upload(@CurrentUser() user: AuthUser, @Param('id', PARTICIPATION_ID) id: string, @UploadedFile() file?: Express.Multer.File): Promise<EvidenceDto> {
    return this.evidence.upload(user, id, file);
  }

  @Roles('admin', 'public_body', 'assessor')
  @ApiOkResponse({ type: itemsDto(EvidenceDto) })
  @Get('participations/:id/evidence')
  listEvidence(@CurrentUser() user: AuthUser, @Param('id', PARTICIPATION_ID) id: string): Promise<Items<EvidenceDto>> {
    return this.evidence.list(user, id);
  }

  @Roles('public_body')
  @HttpCode(200)
  @ApiOkResponse({ type: ParticipationDto })
  @Post('participations/:id/submit')
  submit(@CurrentUser() user: AuthUser, @Param('id', PARTICIPATION_ID) id: string): Promise<ParticipationDto> {
    return this.participations.submit(user, id);
  }

  @Roles('admin')
  @ApiOkResponse({ type: ParticipationDto })
  @Put('participations/:id/deadline')
  setDeadline(@CurrentUser() user: AuthUser, @Param('id', PARTICIPATION_ID) id: string, @Body() dto: DeadlineDto): Promise<ParticipationDto> {
    return this.participations.setDeadline(user, id, dto);
  }

  @Roles('admin', 'public_body', 'assessor')
  @ApiProduces('application/pdf')
  @ApiOkResponse(binaryResponse('the evidence PDF (X-Content-SHA256 carries its hash)'))
  @Get('evidence/:id')
  async download(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(EvidenceErrorCode.NOT_FOUND, 'Evidence')) id: string, @Res() res: Response): Promise<void> {
    const { evidence, stream } = await this.evidence.open(user, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(evidence.size));
    res.setHeader('Content-Disposition', attachmentDisposition(evidence.fileName));
    res.setHeader('X-Content-SHA256', evidence.sha256);
    stream.pipe(res);
  }
}
