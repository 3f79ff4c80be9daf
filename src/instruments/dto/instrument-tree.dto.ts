import { ApiProperty } from '@nestjs/swagger';
import { ApiBool, ApiEnum, ApiId, ApiInt, ApiNested, ApiScore, ApiText, ApiTexts } from '../../common/api-schema';
import { QUESTION_TYPES, QuestionType } from '../../scoring/question-points';
import { EVIDENCE_KINDS, EvidenceKind } from '../instrument-rules';

export class InstrumentOptionDto {
  @ApiText() value: string;
  @ApiText() label: string;
  @ApiScore() points: string;
}

export class InstrumentThresholdDto {
  @ApiProperty({ type: 'string', description: 'the lowest value earning these points, an exact decimal', example: '10' })
  min: string;
  @ApiScore() points: string;
}

export class InstrumentQuestionDto {
  @ApiText({ example: '2.3.1' }) code: string;
  @ApiText() text: string;
  @ApiEnum(QUESTION_TYPES, { enumName: 'QuestionType' }) type: QuestionType;
  @ApiScore() maxPoints: string;
  @ApiNested(() => InstrumentOptionDto, { isArray: true, optional: true, description: 'CHOICE and MULTI_CHOICE only' }) options?: InstrumentOptionDto[];
  @ApiNested(() => InstrumentThresholdDto, { isArray: true, optional: true, description: 'NUMBER only' }) thresholds?: InstrumentThresholdDto[];
  @ApiEnum(EVIDENCE_KINDS, { enumName: 'EvidenceKind' }) evidence: EvidenceKind;
  @ApiBool() required: boolean;
  @ApiTexts({ description: 'the categories the question applies to; empty: all' }) categoryCodes: string[];
}

export class InstrumentAspectDto {
  @ApiText() code: string;
  @ApiText() title: string;
  @ApiScore() weight: string;
  @ApiScore({ description: "the sum of the listed questions' maxPoints" }) maxPoints: string;
  @ApiNested(() => InstrumentQuestionDto, { isArray: true }) questions: InstrumentQuestionDto[];
}

export class InstrumentTreeDto {
  @ApiId() periodId: string;
  @ApiText({ nullable: true, description: 'the category the tree is filtered to' }) categoryCode: string | null;
  @ApiBool({ description: 'true from the SAQ stage on' }) frozen: boolean;
  @ApiInt() questionCount: number;
  @ApiNested(() => InstrumentAspectDto, { isArray: true }) aspects: InstrumentAspectDto[];
}
