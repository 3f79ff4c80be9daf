import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { ParseIdPipe } from '../common/id';
import { Page, paginatedDto } from '../common/pagination';
import { AdvanceDto, CreatePeriodDto, PeriodDto, UpdatePeriodDto } from './dto/period.dto';
import { PeriodErrorCode } from './periods.errors';
import { PeriodsService } from './periods.service';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Roles('admin')
  @ApiCreatedResponse({ type: PeriodDto })
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePeriodDto): Promise<PeriodDto> {
    return this.periods.create(user, dto);
  }

  @ApiOkResponse({ type: paginatedDto(PeriodDto) })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<Page<PeriodDto>> {
    return this.periods.list(user);
  }

  @ApiOkResponse({ type: PeriodDto })
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<PeriodDto> {
    return this.periods.get(user, id);
  }

  @Roles('admin')
  @ApiOkResponse({ type: PeriodDto })
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Body() dto: UpdatePeriodDto): Promise<PeriodDto> {
    return this.periods.update(user, id, dto);
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PeriodDto })
  @Post(':id/advance')
  advance(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Body() dto: AdvanceDto): Promise<PeriodDto> {
    return this.periods.advance(user, id, dto);
  }
}
