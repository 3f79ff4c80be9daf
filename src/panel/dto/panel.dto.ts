import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsDecimalInput } from '../../common/decimal-input';
import { IsId } from '../../common/id';
import { NestedArray } from '../../common/validation';

export class PanelAssignDto {
  @IsId()
  panelistId: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsId({ each: true })
  participationIds: string[];
}

/** Assessors who visit finalists (visitation only). */
export class VisitorAssignDto {
  @IsId()
  assessorId: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsId({ each: true })
  participationIds: string[];
}

export class VisitationDto {
  @IsDecimalInput({ min: 0, max: 100 })
  score: string | number;

  @IsOptional()
  @IsString()
  @MaxLength(10000)
  findings?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class CriterionScoreDto {
  @IsString()
  @MaxLength(40)
  code: string;

  /** 0..100 with at most two decimals; checked against the rubric in the service. */
  @IsDecimalInput({ min: 0, max: 100 })
  score: string | number;
}

export class PresentationDto {
  @NestedArray(() => CriterionScoreDto, { min: 1, max: 50 })
  criteria: CriterionScoreDto[];

  @IsOptional()
  @IsString()
  @MaxLength(10000)
  note?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}
