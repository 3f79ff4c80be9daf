import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParticipationErrorCode } from '../access/access.errors';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { ParseIdPipe } from '../common/id';
import { Items, itemsDto, Page, paginatedDto } from '../common/pagination';
import { PeriodErrorCode } from '../periods/periods.errors';
import { AssignmentsService } from './assignments.service';
import {
  AssessorProgressDto,
  AssignedParticipationDto,
  AssignmentDto,
  AutoAssignResultDto,
  ObjectionDecisionDto,
  ObjectionDto,
  PeriodObjectionDto,
  VerificationCompleteDto,
  VerificationDto,
  VerificationExplanationDto,
} from './dto/verification-response.dto';
import { AssignDto, AutoAssignDto, DecideObjectionDto, FileObjectionDto, ObjectionsQuery, VerifyDto } from './dto/verification.dto';
import { ObjectionsService } from './objections.service';
import { ObjectionErrorCode } from './verification.errors';
import { VerificationsService } from './verifications.service';

@ApiTags('verification')
@ApiBearerAuth()
@Controller()
export class VerificationController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly verifications: VerificationsService,
    private readonly objections: ObjectionsService,
  ) {}

  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: AutoAssignResultDto })
  @Post('periods/:id/assignments/auto')
  auto(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Body() dto: AutoAssignDto): Promise<AutoAssignResultDto> {
    return this.assignments.auto(user, id, dto.perParticipation ?? 1);
  }

  @Roles('admin')
  @ApiCreatedResponse({ type: AssignmentDto })
  @Post('periods/:id/assignments')
  assign(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Body() dto: AssignDto): Promise<AssignmentDto> {
    return this.assignments.assign(user, id, dto);
  }

  /** Admin view: verification progress per assessor. */
  @Roles('admin')
  @ApiOkResponse({ type: itemsDto(AssessorProgressDto) })
  @Get('periods/:id/assignments')
  progress(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<Items<AssessorProgressDto>> {
    return this.assignments.progress(user, id);
  }

  /** Admin view: the period's objections (sanggah), `?status=OPEN` for the undecided ones. */
  @Roles('admin')
  @ApiOkResponse({ type: itemsDto(PeriodObjectionDto) })
  @Get('periods/:id/objections')
  objectionsOf(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string,
    @Query() q: ObjectionsQuery,
  ): Promise<Items<PeriodObjectionDto>> {
    return this.assignments.objections(user, id, q.status);
  }

  @Roles('assessor')
  @ApiOkResponse({ type: paginatedDto(AssignedParticipationDto) })
  @Get('assignments/mine')
  mine(@CurrentUser() user: AuthUser): Promise<Page<AssignedParticipationDto>> {
    return this.assignments.mine(user);
  }

  @Roles('assessor', 'admin')
  @ApiOkResponse({ type: VerificationDto })
  @Put('participations/:id/verifications/:questionCode')
  verify(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation')) id: string,
    @Param('questionCode') code: string,
    @Body() dto: VerifyDto,
  ): Promise<VerificationDto> {
    return this.verifications.verify(user, id, code, dto);
  }

  @Roles('assessor', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: VerificationCompleteDto })
  @Post('participations/:id/verification/complete')
  complete(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation')) id: string): Promise<VerificationCompleteDto> {
    return this.verifications.complete(user, id);
  }

  @ApiOkResponse({ type: VerificationExplanationDto })
  @Get('participations/:id/verifications')
  explain(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation')) id: string): Promise<VerificationExplanationDto> {
    return this.verifications.explain(user, id);
  }

  @Roles('public_body')
  @ApiCreatedResponse({ type: ObjectionDto })
  @Post('participations/:id/objections')
  file(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation')) id: string,
    @Body() dto: FileObjectionDto,
  ): Promise<ObjectionDto> {
    return this.objections.file(user, id, dto);
  }

  @Roles('assessor', 'admin')
  @ApiOkResponse({ type: ObjectionDecisionDto })
  @Put('objections/:id')
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(ObjectionErrorCode.NOT_FOUND, 'Objection')) id: string,
    @Body() dto: DecideObjectionDto,
  ): Promise<ObjectionDecisionDto> {
    return this.objections.decide(user, id, dto);
  }
}
