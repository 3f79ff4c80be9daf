import { ApiProperty } from '@nestjs/swagger';
import { ApiBool, ApiEnum, ApiId, ApiIds, ApiInstant, ApiInt, ApiNested, ApiScore, ApiText } from '../../common/api-schema';
import { STAGES, Stage } from '../../periods/stage-machine';
import { PARTICIPATION_STATUSES, ParticipationStatus } from '../entities/participation.entity';

export class PublicBodyRefDto {
  @ApiId() id: string;
  @ApiText() name: string;
}

export class SaqProgressDto {
  @ApiInt() answered: number;
  @ApiInt({ description: "questions that apply to the body's category" }) total: number;
  @ApiInt({ description: 'answered questions still missing the evidence they need' }) missingEvidence: number;
}

export class AspectProgressDto extends SaqProgressDto {
  @ApiText() aspectCode: string;
  @ApiText() title: string;
}

export class ParticipationDto {
  @ApiId() id: string;
  @ApiId() periodId: string;
  @ApiInt() periodYear: number;
  @ApiEnum(STAGES, { enumName: 'Stage' }) stage: Stage;
  @ApiNested(() => PublicBodyRefDto) publicBody: PublicBodyRefDto;
  @ApiText() categoryCode: string;
  @ApiEnum(PARTICIPATION_STATUSES, { enumName: 'ParticipationStatus' }) status: ParticipationStatus;
  @ApiInstant({ nullable: true, description: "the body's own deadline when extended, else the SAQ window's end" }) deadline: string | null;
  @ApiBool() deadlineExtended: boolean;
  @ApiInstant({ nullable: true }) startedAt: string | null;
  @ApiInstant({ nullable: true }) submittedAt: string | null;
  @ApiBool({ description: 'whether the body may still change its SAQ now' }) writable: boolean;
  @ApiNested(() => SaqProgressDto) progress: SaqProgressDto;
  @ApiNested(() => AspectProgressDto, { isArray: true, description: "progress per aspect, in the instrument's order (aspects with no question for the body left out)" })
  progressByAspect: AspectProgressDto[];
  @ApiInt({ description: 'the largest evidence file accepted, in bytes' }) evidenceMaxBytes: number;
  @ApiInt() version: number;
}

/** A row of the admin's participant list. */
export class ParticipantDto {
  @ApiId() id: string;
  @ApiId() periodId: string;
  @ApiNested(() => PublicBodyRefDto) publicBody: PublicBodyRefDto;
  @ApiText() categoryCode: string;
  @ApiEnum(PARTICIPATION_STATUSES, { enumName: 'ParticipationStatus' }) status: ParticipationStatus;
  @ApiInstant({ nullable: true }) deadline: string | null;
  @ApiInstant({ nullable: true }) submittedAt: string | null;
}

export class EnrollResultDto {
  @ApiInt() enrolled: number;
  @ApiInt() alreadyEnrolled: number;
}

export class AnswerDto {
  @ApiText() questionCode: string;
  @ApiProperty({
    description: 'YES_NO a boolean, CHOICE an option value, MULTI_CHOICE an array of option values, NUMBER a number, TEXT a string',
    oneOf: [{ type: 'boolean' }, { type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }],
  })
  value: unknown;
  @ApiIds() evidenceIds: string[];
  @ApiText({ nullable: true }) url: string | null;
  @ApiText({ nullable: true }) note: string | null;
  @ApiScore() selfPoints: string;
  @ApiInt() version: number;
  @ApiInstant() updatedAt: string;
}

export class EvidenceDto {
  @ApiId() id: string;
  @ApiText() fileName: string;
  @ApiInt({ description: 'bytes' }) size: number;
  @ApiText({ description: 'hex SHA-256 of the file' }) sha256: string;
  @ApiInstant() createdAt: string;
}
