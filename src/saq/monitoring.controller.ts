import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { ParseIdPipe } from '../common/id';
import { PeriodErrorCode } from '../periods/periods.errors';
import { MonitoringDto, MonitoringQuery } from './dto/monitoring.dto';
import { MonitoringService } from './monitoring.service';

@ApiTags('participants')
@ApiBearerAuth()
@Roles('admin')
@Controller('periods/:id/monitoring')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  /** The SAQ at a glance: counts per category and a filtered, sorted page of bodies with progress, last activity and deadline. */
  @ApiOkResponse({ type: MonitoringDto })
  @Get()
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Query() q: MonitoringQuery): Promise<MonitoringDto> {
    return this.monitoring.monitoring(user, id, q);
  }
}
