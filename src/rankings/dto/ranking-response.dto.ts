import { ApiBool, ApiEnum, ApiId, ApiInstant, ApiInt, ApiNested, ApiScore, ApiText } from '../../common/api-schema';
import { paginatedDto } from '../../common/pagination';

export const RANKING_RUN_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type RankingRunStatus = (typeof RANKING_RUN_STATUSES)[number];
export const RESULT_STATUSES = ['RANKED', 'NOT_PARTICIPATING'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export class RankingRunQueuedDto {
  @ApiId() runId: string;
  @ApiText() jobId: string;
  @ApiEnum(RANKING_RUN_STATUSES, { enumName: 'RankingRunStatus' }) status: RankingRunStatus;
  @ApiBool({ description: 'true when unchanged inputs gave back an existing run' }) reused: boolean;
}

export class RankingRunDto {
  @ApiId() id: string;
  @ApiId() periodId: string;
  @ApiEnum(RANKING_RUN_STATUSES, { enumName: 'RankingRunStatus' }) status: RankingRunStatus;
  @ApiInt({ description: 'percent' }) progress: number;
  @ApiText() jobId: string;
  @ApiInt() attempts: number;
  @ApiText({ description: "hash of the run's inputs (unchanged inputs reuse the run)" }) inputsHash: string;
  @ApiInt({ nullable: true }) rankedCount: number | null;
  @ApiInt({ nullable: true }) notParticipatingCount: number | null;
  @ApiInstant({ nullable: true }) startedAt: string | null;
  @ApiInstant({ nullable: true }) finishedAt: string | null;
  @ApiText({ optional: true, description: 'present when the run failed' }) error?: string;
}

/** One row of a published ranking: what anyone may see. */
export class PublicRankingRowDto {
  @ApiText({ description: "the body's name" }) publicBody: string;
  @ApiId() publicBodyId: string;
  @ApiText() categoryCode: string;
  @ApiText() categoryName: string;
  @ApiEnum(RESULT_STATUSES, { enumName: 'RankingResultStatus' }) status: ResultStatus;
  @ApiBool() finalist: boolean;
  @ApiScore({ nullable: true }) saqScore: string | null;
  @ApiScore({ nullable: true, description: 'finalists only' }) visitationScore: string | null;
  @ApiScore({ nullable: true, description: 'finalists only' }) presentationScore: string | null;
  @ApiScore({ nullable: true, description: 'null for a body that never submitted' }) finalScore: string | null;
  @ApiText({ example: 'INFORMATIF', description: 'the band code, or NOT_PARTICIPATING' }) qualification: string;
  @ApiText({ example: 'Informatif' }) qualificationLabel: string;
  @ApiInt({ nullable: true }) rankInCategory: number | null;
  @ApiInt({ nullable: true }) rankOverall: number | null;
}

/** One row of a run's results (admin). */
export class RankingResultDto extends PublicRankingRowDto {
  @ApiId() participationId: string;
}

export class PublicOrganizerRefDto {
  @ApiText() slug: string;
  @ApiText() name: string;
}

export class PublicRankingDto extends paginatedDto(PublicRankingRowDto) {
  @ApiInt() year: number;
  @ApiText() periodName: string;
  @ApiNested(() => PublicOrganizerRefDto) organizer: PublicOrganizerRefDto;
  @ApiInstant() publishedAt: string;
}

export class PublishedPeriodDto {
  @ApiInt() year: number;
  @ApiText() name: string;
  @ApiText({ example: 'Asia/Jakarta', description: "the period's time zone, for showing its dates" }) timezone: string;
  @ApiInstant() publishedAt: string;
}

/** An organizer's published years, newest first. */
export class PublishedPeriodsDto {
  @ApiNested(() => PublicOrganizerRefDto) organizer: PublicOrganizerRefDto;
  @ApiNested(() => PublishedPeriodDto, { isArray: true }) items: PublishedPeriodDto[];
}
