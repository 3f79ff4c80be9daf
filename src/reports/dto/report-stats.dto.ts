import { ApiProperty } from '@nestjs/swagger';
import { ApiCounts, ApiEnum, ApiExactDecimal, ApiId, ApiInt, ApiNested, ApiScore, ApiText } from '../../common/api-schema';

export const RUN_SOURCES = ['requested', 'published', 'latest'] as const;
export type RunSource = (typeof RUN_SOURCES)[number];

/** A share of the maximum, 0..1, half-up to four decimals. */
const ApiShare = (o: { nullable?: boolean } = {}) => ApiProperty({ type: 'string', example: '0.8125', ...(o.nullable ? { nullable: true } : {}) });

export class ParticipationCountsDto {
  @ApiInt() enrolled: number;
  @ApiInt() started: number;
  @ApiInt() submitted: number;
  @ApiInt() notParticipating: number;
}

export class CategoryParticipationDto extends ParticipationCountsDto {
  @ApiText() categoryCode: string;
  @ApiText() categoryName: string;
}

export class QualificationColumnDto {
  @ApiText() code: string;
  @ApiText() label: string;
}

export class QualificationTotalsDto {
  @ApiCounts({ description: 'bodies per qualification code' }) counts: Record<string, number>;
  @ApiInt() total: number;
}

export class CategoryQualificationsDto extends QualificationTotalsDto {
  @ApiText() categoryCode: string;
  @ApiText() categoryName: string;
}

export class DecileBucketDto {
  @ApiScore({ description: 'inclusive lower bound' }) from: string;
  @ApiScore({ description: 'exclusive upper bound (the last bucket includes 100)' }) to: string;
  @ApiInt() count: number;
}

export class AspectCategoryAverageDto {
  @ApiText() categoryCode: string;
  @ApiInt() bodies: number;
  @ApiScore() maxPoints: string;
  @ApiShare() averageShare: string;
}

export class AspectAverageDto {
  @ApiText() code: string;
  @ApiText() title: string;
  @ApiShare({ nullable: true }) averageShare: string | null;
  @ApiExactDecimal({ nullable: true }) averageShareExact: string | null;
  @ApiInt() bodies: number;
  @ApiNested(() => AspectCategoryAverageDto, { isArray: true }) byCategory: AspectCategoryAverageDto[];
}

export class PreviousPeriodDto {
  @ApiId() periodId: string;
  @ApiInt() year: number;
  @ApiId() runId: string;
}

export class YearOverYearDto {
  @ApiId() publicBodyId: string;
  @ApiText({ description: "the body's name" }) publicBody: string;
  @ApiText() categoryCode: string;
  @ApiScore() previousFinalScore: string;
  @ApiScore() finalScore: string;
  @ApiProperty({ type: 'string', pattern: '^([+-][0-9]+\\.[0-9]{2}|0\\.00)$', example: '+1.50', description: 'finalScore - previousFinalScore, signed' })
  change: string;
  @ApiText() previousQualification: string;
  @ApiText() previousQualificationLabel: string;
  @ApiText() qualification: string;
  @ApiText() qualificationLabel: string;
}

/** The participation funnel: how many bodies reached each step (a later step never counts more than an earlier one). */
export class ParticipationFunnelDto {
  @ApiInt({ description: 'enrolled in the period' }) invited: number;
  @ApiInt() started: number;
  @ApiInt() submitted: number;
  @ApiInt({ description: 'verification completed' }) verified: number;
  @ApiInt({ description: "finalists (of the run when there is one, else the period's selection)" }) finalist: number;
  @ApiInt({ description: 'ranked in the run; 0 without a run' }) ranked: number;
}

export class ReportStatsDto {
  @ApiId() periodId: string;
  @ApiInt() year: number;
  @ApiId({ nullable: true, description: 'the run the ranking figures come from; null when there is none yet' }) runId: string | null;
  @ApiEnum(RUN_SOURCES, { nullable: true }) runSource: RunSource | null;
  @ApiNested(() => CategoryParticipationDto, { isArray: true }) participation: CategoryParticipationDto[];
  @ApiNested(() => ParticipationCountsDto) participationTotals: ParticipationCountsDto;
  @ApiNested(() => ParticipationFunnelDto) funnel: ParticipationFunnelDto;
  @ApiNested(() => QualificationColumnDto, { isArray: true }) qualificationBands: QualificationColumnDto[];
  @ApiNested(() => CategoryQualificationsDto, { isArray: true }) qualifications: CategoryQualificationsDto[];
  @ApiNested(() => QualificationTotalsDto) qualificationTotals: QualificationTotalsDto;
  @ApiNested(() => DecileBucketDto, { isArray: true }) distribution: DecileBucketDto[];
  @ApiNested(() => AspectAverageDto, { isArray: true, description: 'weakest first' }) aspects: AspectAverageDto[];
  @ApiNested(() => PreviousPeriodDto, { nullable: true }) previousPeriod: PreviousPeriodDto | null;
  @ApiNested(() => YearOverYearDto, { isArray: true }) yearOverYear: YearOverYearDto[];
}

/** One category in this period and in the organizer's previous year (ranked bodies only). */
export class CategoryComparisonDto {
  @ApiText() categoryCode: string;
  @ApiText() categoryName: string;
  @ApiInt() previousRanked: number;
  @ApiInt() ranked: number;
  @ApiScore({ nullable: true, description: 'mean final score in the previous year, half-up to two decimals' }) previousAverage: string | null;
  @ApiScore({ nullable: true }) average: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '+1.50', description: 'average - previousAverage, signed; null when either is missing' })
  change: string | null;
  @ApiCounts({ description: 'bodies per qualification code, previous year' }) previousCounts: Record<string, number>;
  @ApiCounts({ description: 'bodies per qualification code' }) counts: Record<string, number>;
}

/** This period's ranking against the same organizer's published ranking of the year before, per category and per body. */
export class PreviousYearComparisonDto {
  @ApiId() periodId: string;
  @ApiInt() year: number;
  @ApiId({ nullable: true }) runId: string | null;
  @ApiEnum(RUN_SOURCES, { nullable: true }) runSource: RunSource | null;
  @ApiNested(() => PreviousPeriodDto, { nullable: true, description: 'null when the organizer published nothing the year before' }) previousPeriod: PreviousPeriodDto | null;
  @ApiNested(() => QualificationColumnDto, { isArray: true }) qualificationBands: QualificationColumnDto[];
  @ApiNested(() => CategoryComparisonDto, { isArray: true }) categories: CategoryComparisonDto[];
  @ApiNested(() => YearOverYearDto, { isArray: true, description: 'bodies ranked in both years, in this run order' }) bodies: YearOverYearDto[];
}
