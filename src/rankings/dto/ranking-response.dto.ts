import { ApiBool, ApiEnum, ApiId, ApiInstant, ApiInt, ApiNested, ApiScore, ApiText } from '../../common/api-schema';
import { paginatedDto } from '../../common/pagination';
import { RANK_KEYS, RankKey } from '../../scoring/ranking';

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

/** What set a body apart from a body of its category with the same final score: a later key of the rank order, or none (a shared rank). */
export const TIE_BREAKS = [...RANK_KEYS.filter((k) => k !== 'FINAL_SCORE'), 'SHARED'] as const;
export type TieBreak = Exclude<RankKey, 'FINAL_SCORE'> | 'SHARED';

/** One row of a run's results (admin). */
export class RankingResultDto extends PublicRankingRowDto {
  @ApiId() participationId: string;
  @ApiEnum(TIE_BREAKS, {
    enumName: 'TieBreak',
    nullable: true,
    description:
      'null when no other body of the category has the same final score; else the key that ordered it against the one before it with that score (the first: the one after), SHARED when all keys are equal (a shared rank)',
  })
  tieBreak: TieBreak | null;
}

export class RankingRunsDto {
  @ApiId({ nullable: true, description: 'the published run of the period, if any' }) publishedRunId: string | null;
  @ApiNested(() => RankingRunDto, { isArray: true, description: 'newest first' }) items: RankingRunDto[];
}

/** A body's place in one run, for a comparison of two runs. */
export class RankingPlaceDto {
  @ApiEnum(RESULT_STATUSES, { enumName: 'RankingResultStatus' }) status: ResultStatus;
  @ApiScore({ nullable: true }) finalScore: string | null;
  @ApiText() qualification: string;
  @ApiText() qualificationLabel: string;
  @ApiInt({ nullable: true }) rankInCategory: number | null;
}

export class RankingDifferenceDto {
  @ApiId() participationId: string;
  @ApiText({ description: "the body's name" }) publicBody: string;
  @ApiText() categoryCode: string;
  @ApiNested(() => RankingPlaceDto, { nullable: true, description: 'null when the body is not in the earlier run' }) before: RankingPlaceDto | null;
  @ApiNested(() => RankingPlaceDto, { nullable: true, description: 'null when the body is not in this run' }) after: RankingPlaceDto | null;
  @ApiText({ nullable: true, example: '+1.50', description: 'after - before of the final score, signed; null when either has none' }) change: string | null;
}

/** The bodies whose final score, qualification, rank or status differ between two runs of a period, in this run's order. */
export class RankingComparisonDto {
  @ApiId() runId: string;
  @ApiId() againstRunId: string;
  @ApiInt({ description: 'bodies in either run' }) compared: number;
  @ApiNested(() => RankingDifferenceDto, { isArray: true }) items: RankingDifferenceDto[];
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
