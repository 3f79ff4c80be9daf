import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { AssignmentsService } from './assignments.service';
import { AssignDto, AutoAssignDto, DecideObjectionDto, FileObjectionDto, VerifyDto } from './dto/verification.dto';
import { ObjectionsService } from './objections.service';
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
  @Post('periods/:id/assignments/auto')
  auto(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: AutoAssignDto) {
    return this.assignments.auto(user, id, dto.perParticipation ?? 1);
  }

  @Roles('admin')
  @Post('periods/:id/assignments')
  assign(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: AssignDto) {
    return this.assignments.assign(user, id, dto);
  }

  /** Admin view: verification progress per assessor. */
  @Roles('admin')
  @Get('periods/:id/assignments')
  progress(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.assignments.progress(user, id);
  }

  @Roles('assessor')
  @Get('assignments/mine')
  mine(@CurrentUser() user: AuthUser) {
    return this.assignments.mine(user);
  }

  @Roles('assessor', 'admin')
  @Put('participations/:id/verifications/:questionCode')
  verify(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('questionCode') code: string, @Body() dto: VerifyDto) {
    return this.verifications.verify(user, id, code, dto);
  }

  @Roles('assessor', 'admin')
  @HttpCode(200)
  @Post('participations/:id/verification/complete')
  complete(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.verifications.complete(user, id);
  }

  @Get('participations/:id/verifications')
  explain(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.verifications.explain(user, id);
  }

  @Roles('public_body')
  @Post('participations/:id/objections')
  file(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: FileObjectionDto) {
    return this.objections.file(user, id, dto);
  }

  @Roles('assessor', 'admin')
  @Put('objections/:id')
  decide(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: DecideObjectionDto) {
    return this.objections.decide(user, id, dto);
  }
}
