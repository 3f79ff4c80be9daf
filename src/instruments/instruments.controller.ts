import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { InstrumentDto, InstrumentQuery } from './dto/instrument.dto';
import { InstrumentsService } from './instruments.service';

@ApiTags('instrument')
@ApiBearerAuth()
@Controller('periods/:id/instrument')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Roles('admin')
  @Put()
  replace(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: InstrumentDto) {
    return this.instruments.replace(user, id, dto);
  }

  @Get()
  get(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() q: InstrumentQuery) {
    return this.instruments.tree(user, id, q.categoryCode);
  }
}
