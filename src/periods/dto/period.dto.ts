import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiBool, ApiEnum, ApiId, ApiInstant, ApiInt, ApiNested, ApiScore, ApiText } from '../../common/api-schema';
import { IsDecimalInput } from '../../common/decimal-input';
import { IsInstant, NestedArray, NestedObject } from '../../common/validation';
import { format2 } from '../../scoring/decimal';
import { FINALIST_RULE_TYPES, FinalistRuleType } from '../../scoring/finalists';
import { Period } from '../entities/period.entity';
import { finalistRuleOf, finalistRuleView, Schedule, scheduleInUtc } from '../period-rules';
import { STAGES, Stage } from '../stage-machine';

export class WeightsDto {
  @IsDecimalInput({ min: 0, max: 100 })
  saq: string | number;

  @IsOptional()
  @IsDecimalInput({ min: 0, max: 100 })
  visitation?: string | number;

  @IsDecimalInput({ min: 0, max: 100 })
  presentation: string | number;
}

export class FinalistRuleDto {
  @IsIn(FINALIST_RULE_TYPES)
  type: FinalistRuleType;

  @IsDecimalInput({ min: 0, max: 100000 })
  value: string | number;
}

export class BandDto {
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'code must be upper-case letters, digits or _' })
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label: string;

  @IsDecimalInput({ min: 0, max: 100 })
  min: string | number;
}

export class RubricCriterionDto {
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'code must be upper-case letters, digits or _' })
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @IsDecimalInput({ min: 0, max: 100 })
  weight: string | number;
}

export class WindowDto {
  @IsInstant()
  opensAt: string;

  @IsInstant()
  closesAt: string;
}

export class ScheduleDto {
  @NestedObject(() => WindowDto, { optional: true })
  SAQ?: WindowDto;

  @NestedObject(() => WindowDto, { optional: true })
  VERIFICATION?: WindowDto;

  @NestedObject(() => WindowDto, { optional: true })
  OBJECTION?: WindowDto;

  @NestedObject(() => WindowDto, { optional: true })
  VISITATION?: WindowDto;

  @NestedObject(() => WindowDto, { optional: true })
  PRESENTATION?: WindowDto;
}

export class CreatePeriodDto {
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  timezone: string;

  @NestedObject(() => WeightsDto)
  weights: WeightsDto;

  @NestedObject(() => FinalistRuleDto)
  finalistRule: FinalistRuleDto;

  @NestedArray(() => BandDto, { min: 1, max: 20, optional: true })
  bands?: BandDto[];

  @NestedArray(() => RubricCriterionDto, { min: 1, max: 50, optional: true })
  presentationRubric?: RubricCriterionDto[];

  @NestedObject(() => ScheduleDto)
  schedule: ScheduleDto;
}

export class CertificateSettingsDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  signatoryName?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  signatoryTitle?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  place?: string;
}

export class UpdatePeriodDto {
  @NestedObject(() => CertificateSettingsDto, { optional: true })
  certificate?: CertificateSettingsDto;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @NestedObject(() => ScheduleDto, { optional: true })
  schedule?: ScheduleDto;

  @NestedObject(() => WeightsDto, { optional: true })
  weights?: WeightsDto;

  @NestedArray(() => BandDto, { min: 1, max: 20, optional: true })
  bands?: BandDto[];

  @NestedObject(() => FinalistRuleDto, { optional: true })
  finalistRule?: FinalistRuleDto;

  @NestedArray(() => RubricCriterionDto, { min: 1, max: 50, optional: true })
  presentationRubric?: RubricCriterionDto[];

  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class AdvanceDto {
  @IsIn(STAGES)
  to: Stage;

  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}

export class PeriodWeightsDto {
  @ApiScore() saq: string;
  @ApiScore() visitation: string;
  @ApiScore() presentation: string;
}

export class PeriodFinalistRuleDto {
  @ApiEnum(FINALIST_RULE_TYPES, { enumName: 'FinalistRuleType' }) type: FinalistRuleType;
  @ApiProperty({
    oneOf: [
      { type: 'integer', description: 'TOP_N: finalists per category' },
      { type: 'string', pattern: '^[0-9]+\\.[0-9]{2}$', description: 'THRESHOLD: the minimum SAQ score, two decimals' },
    ],
    example: '75.00',
  })
  value: string | number;
}

export class PeriodBandDto {
  @ApiText({ example: 'INFORMATIF' }) code: string;
  @ApiText({ example: 'Informatif' }) label: string;
  @ApiScore({ example: '90.00' }) min: string;
}

export class PeriodRubricCriterionDto {
  @ApiText({ example: 'OVERALL' }) code: string;
  @ApiText() title: string;
  @ApiScore({ example: '100.00' }) weight: string;
}

export class StageWindowDto {
  @ApiInstant() opensAt: string;
  @ApiInstant() closesAt: string;
}

/** The windows of the stages the period has; a stage without a window is absent. */
export class PeriodScheduleDto {
  @ApiNested(() => StageWindowDto, { optional: true }) SAQ?: StageWindowDto;
  @ApiNested(() => StageWindowDto, { optional: true }) VERIFICATION?: StageWindowDto;
  @ApiNested(() => StageWindowDto, { optional: true }) OBJECTION?: StageWindowDto;
  @ApiNested(() => StageWindowDto, { optional: true }) VISITATION?: StageWindowDto;
  @ApiNested(() => StageWindowDto, { optional: true }) PRESENTATION?: StageWindowDto;
}

export class PeriodCertificateSettingsDto {
  @ApiText({ optional: true }) signatoryName?: string;
  @ApiText({ optional: true }) signatoryTitle?: string;
  @ApiText({ optional: true }) place?: string;
}

export class PeriodDto {
  @ApiId() id: string;
  @ApiInt({ example: 2026 }) year: number;
  @ApiText() name: string;
  @ApiText({ example: 'Asia/Jakarta' }) timezone: string;
  @ApiEnum(STAGES, { enumName: 'Stage' }) stage: Stage;
  @ApiNested(() => PeriodWeightsDto) weights: PeriodWeightsDto;
  @ApiNested(() => PeriodFinalistRuleDto) finalistRule: PeriodFinalistRuleDto;
  @ApiNested(() => PeriodBandDto, { isArray: true }) bands: PeriodBandDto[];
  @ApiNested(() => PeriodRubricCriterionDto, { isArray: true }) presentationRubric: PeriodRubricCriterionDto[];
  @ApiNested(() => PeriodScheduleDto) schedule: Schedule;
  @ApiBool({ description: 'true once the first ranking run locked the scoring settings' }) scoringLocked: boolean;
  @ApiId({ nullable: true }) publishedRunId: string | null;
  @ApiInstant({ nullable: true }) publishedAt: string | null;
  @ApiNested(() => PeriodCertificateSettingsDto, { nullable: true }) certificate: PeriodCertificateSettingsDto | null;
  @ApiInt() version: number;
  @ApiInstant() createdAt: string;
  @ApiInstant() updatedAt: string;

  static of(p: Period): PeriodDto {
    return {
      id: p.id,
      year: p.year,
      name: p.name,
      timezone: p.timezone,
      stage: p.stage,
      weights: { saq: format2(p.weightSaq)!, visitation: format2(p.weightVisitation)!, presentation: format2(p.weightPresentation)! },
      finalistRule: finalistRuleView(finalistRuleOf(p.finalistRuleType, p.finalistRuleValue)),
      bands: p.bands.map((b) => ({ code: b.code, label: b.label, min: format2(b.min)! })),
      presentationRubric: p.presentationRubric.map((c) => ({ code: c.code, title: c.title ?? c.code, weight: format2(c.weight)! })),
      schedule: scheduleInUtc(p.schedule),
      scoringLocked: p.scoringLockedAt !== null,
      publishedRunId: p.publishedRunId ?? null,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      certificate: p.certificateSettings ?? null,
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}
