import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDecimalInput } from '../../common/decimal-input';
import { IsId } from '../../common/id';
import { OBJECTION_DECISIONS, ObjectionDecision, VERIFICATION_STATUSES, VerificationStatus } from '../verification-rules';
import { OBJECTION_STATUSES, ObjectionStatus } from './verification-response.dto';

export class AutoAssignDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  perParticipation?: number;
}

export class AssignDto {
  @IsId()
  assessorId: string;

  @IsId()
  participationId: string;
}

export class VerifyDto {
  @IsDecimalInput({ min: 0, max: 1000 })
  points: string | number;

  @IsIn(VERIFICATION_STATUSES)
  status: VerificationStatus;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class FileObjectionDto {
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, { message: 'questionCode must be a question code' })
  questionCode: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reason: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsId({ each: true, message: 'each evidenceIds entry must be an evidence id' })
  evidenceIds?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;
}

export class DecideObjectionDto {
  @IsIn(OBJECTION_DECISIONS)
  decision: ObjectionDecision;

  @IsOptional()
  @IsDecimalInput({ min: 0, max: 1000 })
  points?: string | number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  note: string;
}

export class ObjectionsQuery {
  @IsOptional()
  @IsIn(OBJECTION_STATUSES)
  status?: ObjectionStatus;
}
