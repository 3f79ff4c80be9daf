import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { PARTICIPATION_STATUSES, ParticipationStatus } from '../entities/participation.entity';

export class EnrollDto {
  @IsOptional() @IsArray() @ArrayMaxSize(100000) @Matches(/^[1-9][0-9]{0,19}$/, { each: true, message: 'each publicBodyIds entry must be an id' })
  publicBodyIds?: string[];

  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true })
  categoryCodes?: string[];
}

export class ParticipantsQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(40)
  categoryCode?: string;

  @IsOptional() @IsIn(PARTICIPATION_STATUSES)
  status?: ParticipationStatus;
}
