import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { Inject } from '@nestjs/common';
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
  @Post('system/ping')
  async ping(@CurrentUser() user: AuthUser) {
    const jobId = await this.jobs.enqueue(JobName.Ping, {
      organizerId: user.organizerId,
      requestedBy: user.id,
      requestedAt: this.clock.now().toISOString(),
    });
    return { queue: 'system', jobId };
  }

  @Get(':queue/:id')
  status(@CurrentUser() user: AuthUser, @Param('queue') queue: string, @Param('id') id: string) {
    return this.jobs.status(user, queue, id);
  }
}
