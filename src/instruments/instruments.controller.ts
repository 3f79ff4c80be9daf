import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { ParseIdPipe } from '../common/id';
import { PeriodErrorCode } from '../periods/periods.errors';
import { InstrumentTreeDto } from './dto/instrument-tree.dto';
import { InstrumentDto, InstrumentQuery } from './dto/instrument.dto';
import { InstrumentsService } from './instruments.service';

@ApiTags('instrument')
@ApiBearerAuth()
@Controller('periods/:id/instrument')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Roles('admin')
  @ApiOkResponse({ type: InstrumentTreeDto })
  @Put()
  replace(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Body() dto: InstrumentDto): Promise<InstrumentTreeDto> {
    return this.instruments.replace(user, id, dto);
  }

  @ApiOkResponse({ type: InstrumentTreeDto })
  @Get()
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Query() q: InstrumentQuery): Promise<InstrumentTreeDto> {
    return this.instruments.tree(user, id, q.categoryCode);
  }
}
