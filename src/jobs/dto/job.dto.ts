import { ApiInstant, ApiInt, ApiJson, ApiText } from '../../common/api-schema';

export class QueuedJobDto {
  @ApiText({ example: 'system' }) queue: string;
  @ApiText() jobId: string;
}

export class JobStatusDto {
  @ApiText() id: string;
  @ApiText() queue: string;
  @ApiText() name: string;
  @ApiText({ description: 'BullMQ state: waiting, active, completed, failed, delayed, ...' }) state: string;
  @ApiJson({ description: 'a number (percent) or an object the job reports' }) progress: unknown;
  @ApiInt() attemptsMade: number;
  @ApiJson({ nullable: true }) result: unknown;
  @ApiText({ nullable: true }) failedReason: string | null;
  @ApiInstant({ nullable: true }) createdAt: string | null;
  @ApiInstant({ nullable: true }) finishedAt: string | null;
}
