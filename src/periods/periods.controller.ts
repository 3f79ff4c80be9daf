import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { AdvanceDto, CreatePeriodDto, UpdatePeriodDto } from './dto/period.dto';
import { PeriodsService } from './periods.service';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Roles('admin')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePeriodDto) {
    return this.periods.create(user, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.periods.list(user);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.periods.get(user, id);
  }

  @Roles('admin')
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdatePeriodDto) {
    return this.periods.update(user, id, dto);
  }

  @Roles('admin')
  @HttpCode(200)
  @Post(':id/advance')
  advance(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: AdvanceDto) {
    return this.periods.advance(user, id, dto);
  }
}
