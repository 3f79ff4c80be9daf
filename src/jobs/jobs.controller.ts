import { Controller, Get, HttpCode, Param, Post, Inject } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { JobStatusDto, QueuedJobDto } from './dto/job.dto';
import { JobsService } from './jobs.service';
import { JobName } from './jobs.types';

@ApiTags('jobs')
@ApiBearerAuth()
@Roles('admin')
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Queues a diagnostic job: tells an operator whether workers are consuming. */
  @HttpCode(202)
  @ApiAcceptedResponse({ type: QueuedJobDto })
  @Post('system/ping')
  async ping(@CurrentUser() user: AuthUser): Promise<QueuedJobDto> {
    const jobId = await this.jobs.enqueue(JobName.Ping, {
      organizerId: user.organizerId,
      requestedBy: user.id,
      requestedAt: this.clock.now().toISOString(),
    });
    return { queue: 'system', jobId };
  }

  @ApiOkResponse({ type: JobStatusDto })
  @Get(':queue/:id')
  status(@CurrentUser() user: AuthUser, @Param('queue') queue: string, @Param('id') id: string): Promise<JobStatusDto> {
    return this.jobs.status(user, queue, id);
  }
}
