import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsId } from '../../common/id';
import { IsInstant } from '../../common/validation';

export class SaveAnswerDto {
  @ApiProperty({
    description: 'YES_NO a boolean, CHOICE an option value, MULTI_CHOICE an array of option values, NUMBER a number, TEXT a string',
    oneOf: [{ type: 'boolean' }, { type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }],
  })
  @IsDefined({ message: 'value is required' })
  value: unknown;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsId({ each: true, message: 'each evidenceIds entry must be an evidence id' })
  evidenceIds?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
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
