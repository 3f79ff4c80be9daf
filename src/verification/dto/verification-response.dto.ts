import { ApiProperty } from '@nestjs/swagger';
import { ApiEnum, ApiExactDecimal, ApiId, ApiIds, ApiInstant, ApiInt, ApiNested, ApiScore, ApiText } from '../../common/api-schema';
import { STAGES, Stage } from '../../periods/stage-machine';
import { PublicBodyRefDto } from '../../saq/dto/participation.dto';
import { PARTICIPATION_STATUSES, ParticipationStatus } from '../../saq/entities/participation.entity';
import { OBJECTION_DECISIONS, ObjectionDecision, VERIFICATION_STATUSES, VerificationStatus } from '../verification-rules';

export const OBJECTION_STATUSES = ['OPEN', ...OBJECTION_DECISIONS] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export class AssignmentConflictDto {
  @ApiId() participationId: string;
  @ApiId() assessorId: string;
}

export class AutoAssignResultDto {
  @ApiInt() assigned: number;
  @ApiInt({ description: 'participations where an assessor was passed over for a conflict of interest' }) skippedForConflict: number;
  @ApiIds({ description: 'participations that could not get enough assessors' }) unassigned: string[];
  @ApiNested(() => AssignmentConflictDto, { isArray: true }) conflicts: AssignmentConflictDto[];
}

export class AssignmentDto {
  @ApiId() assessorId: string;
  @ApiId() participationId: string;
}

export class AssessorRefDto {
  @ApiId() id: string;
  @ApiText() name: string;
  @ApiText({ nullable: true }) affiliation: string | null;
}

export class AssessorProgressDto {
  @ApiNested(() => AssessorRefDto) assessor: AssessorRefDto;
  @ApiInt() assigned: number;
  @ApiInt({ description: 'assigned participations no longer waiting for verification' }) completed: number;
  @ApiInt() verifiedQuestions: number;
}

export class VerificationProgressDto {
  @ApiInt() verified: number;
  @ApiInt() total: number;
}

export class ObjectionCountsDto {
  @ApiInt({ description: 'objections waiting for a decision' }) open: number;
  @ApiInt() total: number;
}

export class AssignedParticipationDto {
  @ApiId() participationId: string;
  @ApiId() periodId: string;
  @ApiNested(() => PublicBodyRefDto) publicBody: PublicBodyRefDto;
  @ApiText() categoryCode: string;
  @ApiEnum(PARTICIPATION_STATUSES, { enumName: 'ParticipationStatus' }) status: ParticipationStatus;
  @ApiNested(() => VerificationProgressDto) progress: VerificationProgressDto;
  @ApiEnum(STAGES, { enumName: 'Stage' }) stage: Stage;
  @ApiText({ description: "the period's display time zone" }) timezone: string;
  @ApiInstant({ description: 'when the VERIFICATION window closes' }) verificationClosesAt: string;
  @ApiInstant({ description: 'when the OBJECTION window closes' }) objectionClosesAt: string;
  @ApiNested(() => ObjectionCountsDto) objections: ObjectionCountsDto;
}

export class VerificationDto {
  @ApiText() questionCode: string;
  @ApiScore({ nullable: true, description: 'null when the body did not answer' }) selfPoints: string | null;
  @ApiScore() verifiedPoints: string;
  @ApiScore() points: string;
  @ApiEnum(VERIFICATION_STATUSES, { enumName: 'VerificationStatus' }) status: VerificationStatus;
  @ApiText({ nullable: true }) note: string | null;
  @ApiInt() version: number;
}

export class VerificationCompleteDto {
  @ApiId() id: string;
  @ApiEnum(['VERIFIED']) status: 'VERIFIED';
}

export class ObjectionSummaryDto {
  @ApiId() id: string;
  @ApiEnum(OBJECTION_STATUSES, { enumName: 'ObjectionStatus' }) status: ObjectionStatus;
  @ApiText() reason: string;
  @ApiScore() pointsBefore: string;
  @ApiScore({ nullable: true }) pointsAfter: string | null;
  @ApiText({ nullable: true }) decisionNote: string | null;
  @ApiIds({ description: 'the new evidence filed with the objection' }) evidenceIds: string[];
  @ApiText({ nullable: true, description: 'a new link filed with the objection' }) url: string | null;
  @ApiInstant() createdAt: string;
}

export class QuestionVerificationDto {
  @ApiText() questionCode: string;
  @ApiText() aspectCode: string;
  @ApiScore() maxPoints: string;
  @ApiScore({ nullable: true }) selfPoints: string | null;
  @ApiScore({ nullable: true, description: 'null until verified' }) verifiedPoints: string | null;
  @ApiScore({ nullable: true, description: "the points that count: an accepted objection's, else the verified ones" }) effectivePoints: string | null;
  @ApiEnum(VERIFICATION_STATUSES, { enumName: 'VerificationStatus', nullable: true }) status: VerificationStatus | null;
  @ApiText({ nullable: true }) note: string | null;
  @ApiInt({ description: '0 until verified' }) version: number;
  @ApiNested(() => ObjectionSummaryDto, { nullable: true, description: 'the latest objection on the question' }) objection: ObjectionSummaryDto | null;
}

export class AspectScoreDto {
  @ApiText() code: string;
  @ApiExactDecimal({ description: 'points / max of the aspect' }) share: string;
  @ApiExactDecimal() effectiveWeight: string;
  @ApiScore() contribution: string;
  @ApiProperty({ type: 'boolean', description: 'true when no question of the aspect applies to the body' }) dropped: boolean;
}

export class VerificationExplanationDto {
  @ApiId() participationId: string;
  @ApiEnum(PARTICIPATION_STATUSES, { enumName: 'ParticipationStatus' }) status: ParticipationStatus;
  @ApiScore() saqScore: string;
  @ApiExactDecimal() saqScoreExact: string;
  @ApiNested(() => AspectScoreDto, { isArray: true }) aspects: AspectScoreDto[];
  @ApiNested(() => QuestionVerificationDto, { isArray: true }) items: QuestionVerificationDto[];
}

export class ObjectionDto {
  @ApiId() id: string;
  @ApiId() participationId: string;
  @ApiText() questionCode: string;
  @ApiEnum(['OPEN']) status: 'OPEN';
  @ApiText() reason: string;
  @ApiIds() evidenceIds: string[];
  @ApiText({ nullable: true }) url: string | null;
  @ApiScore() pointsBefore: string;
  @ApiInstant() createdAt: string;
}

export class ObjectionDecisionDto {
  @ApiId() id: string;
  @ApiId() participationId: string;
  @ApiText() questionCode: string;
  @ApiScore() pointsBefore: string;
  @ApiEnum(OBJECTION_DECISIONS, { enumName: 'ObjectionDecision' }) status: ObjectionDecision;
  @ApiScore({ nullable: true, description: 'the new points of an accepted objection' }) pointsAfter: string | null;
  @ApiText() decisionNote: string;
  @ApiInstant() decidedAt: string;
}
