import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/validation';
import { ANSWER_INPUT_LIMITS, SaveAnswerInput } from '../answer-input';

/** The schema of an answer save's body for the docs; the body is checked by answer-input.ts (AnswerInputPipe). */
export class SaveAnswerDto implements SaveAnswerInput {
  @ApiProperty({
    description: 'YES_NO a boolean, CHOICE an option value, MULTI_CHOICE an array of option values, NUMBER a number, TEXT a string',
    oneOf: [{ type: 'boolean' }, { type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }],
  })
  value: unknown;

  @ApiProperty({ required: false, type: [String], maxItems: ANSWER_INPUT_LIMITS.evidenceIds })
  evidenceIds?: string[];

  @ApiProperty({ required: false, maxLength: ANSWER_INPUT_LIMITS.url })
  url?: string;

  @ApiProperty({ required: false, maxLength: ANSWER_INPUT_LIMITS.note })
  note?: string;

  @ApiProperty({ required: false, type: Number, minimum: 0 })
  version?: number;
}

export class DeadlineDto {
  @IsInstant()
  closesAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}
