import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDecimalInput } from '../../common/decimal-input';
import { NestedArray } from '../../common/validation';
import { QUESTION_TYPES, QuestionType } from '../../scoring/question-points';
import { EVIDENCE_KINDS, EvidenceKind } from '../instrument-rules';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;

export class OptionDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'value must be 1-40 letters, digits, _ . or -' })
  value: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  label: string;

  @IsDecimalInput({ min: 0, max: 1000 })
  points: string | number;
}

export class ThresholdDto {
  @IsDecimalInput({ maxDecimals: 6 })
  min: string | number;

  @IsDecimalInput({ min: 0, max: 1000 })
  points: string | number;
}

export class QuestionDto {
  @IsString()
  @Matches(CODE, { message: 'code must be 1-20 letters, digits, . _ or - (e.g. 2.3.1)' })
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @IsDecimalInput({ min: 0, max: 1000 })
  maxPoints: string | number;

  @NestedArray(() => OptionDto, { max: 50, optional: true })
  options?: OptionDto[];

  @NestedArray(() => ThresholdDto, { max: 50, optional: true })
  thresholds?: ThresholdDto[];

  @IsIn(EVIDENCE_KINDS)
  evidence: EvidenceKind;

  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  categoryCodes?: string[];
}

export class AspectDto {
  @IsString()
  @Matches(CODE, { message: 'code must be 1-20 letters, digits, . _ or -' })
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @IsDecimalInput({ min: 0, max: 100 })
  weight: string | number;

  @NestedArray(() => QuestionDto, { min: 1, max: 500 })
  questions: QuestionDto[];
}

export class InstrumentDto {
  @NestedArray(() => AspectDto, { min: 1, max: 50 })
  aspects: AspectDto[];
}

export class InstrumentQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  categoryCode?: string;
}
