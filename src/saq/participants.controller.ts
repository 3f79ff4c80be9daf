import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { EnrollDto, ParticipantsQuery } from './dto/participants.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('participants')
@ApiBearerAuth()
@Roles('admin')
@Controller('periods/:id/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  enroll(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: EnrollDto) {
    return this.participants.enroll(user, id, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() q: ParticipantsQuery) {
    return this.participants.list(user, id, q);
  }
}
