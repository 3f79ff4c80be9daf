import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { ParseIdPipe } from '../common/id';
import { Page, paginatedDto } from '../common/pagination';
import { PeriodErrorCode } from '../periods/periods.errors';
import { EnrollDto, ParticipantsQuery } from './dto/participants.dto';
import { EnrollResultDto, ParticipantDto } from './dto/participation.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('participants')
@ApiBearerAuth()
@Roles('admin')
@Controller('periods/:id/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @ApiCreatedResponse({ type: EnrollResultDto })
  @Post()
  enroll(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Body() dto: EnrollDto): Promise<EnrollResultDto> {
    return this.participants.enroll(user, id, dto);
  }

  @ApiOkResponse({ type: paginatedDto(ParticipantDto) })
  @Get()
  list(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Query() q: ParticipantsQuery): Promise<Page<ParticipantDto>> {
    return this.participants.list(user, id, q);
  }
}
