import { FINALIST_RULE_TYPES, FinalistRuleType } from '../../scoring/finalists';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDecimalInput } from '../../common/decimal-input';
import { IsInstant, NestedArray, NestedObject } from '../../common/validation';
import { format2 } from '../../scoring/decimal';
import { Period } from '../entities/period.entity';
import { finalistRuleOf, finalistRuleView, Schedule, scheduleInUtc } from '../period-rules';
import { STAGES, Stage } from '../stage-machine';

export class WeightsDto {
  @IsDecimalInput({ min: 0, max: 100 })
  saq: string | number;

  @IsOptional() @IsDecimalInput({ min: 0, max: 100 })
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
  @IsString() @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'code must be upper-case letters, digits or _' })
  code: string;

  @IsString() @IsNotEmpty() @MaxLength(100)
  label: string;

  @IsDecimalInput({ min: 0, max: 100 })
  min: string | number;
}

export class RubricCriterionDto {
  @IsString() @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'code must be upper-case letters, digits or _' })
  code: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
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
  @IsInt() @Min(2000) @Max(2100)
  year: number;

  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @IsString() @IsNotEmpty() @MaxLength(64)
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
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  signatoryName?: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  signatoryTitle?: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100)
  place?: string;
}

export class UpdatePeriodDto {
  @NestedObject(() => CertificateSettingsDto, { optional: true })
  certificate?: CertificateSettingsDto;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
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

  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class AdvanceDto {
  @IsIn(STAGES)
  to: Stage;

  @IsOptional() @IsBoolean()
  force?: boolean;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000)
  reason?: string;
}


export class PeriodDto {
  id: string;
  year: number;
  name: string;
  timezone: string;
  stage: Stage;
  weights: { saq: string; visitation: string; presentation: string };
  finalistRule: { type: FinalistRuleType; value: string | number };
  bands: { code: string; label: string; min: string }[];
  presentationRubric: { code: string; title: string; weight: string }[];
  schedule: Schedule;
  scoringLocked: boolean;
  publishedRunId: string | null;
  publishedAt: string | null;
  certificate: { signatoryName?: string; signatoryTitle?: string; place?: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;

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
