import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/id';
import { PageQuery } from '../../common/pagination';
import { PARTICIPATION_STATUSES, ParticipationStatus } from '../entities/participation.entity';

export class EnrollDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100000)
  @IsId({ each: true })
  publicBodyIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  categoryCodes?: string[];
}

export class ParticipantsQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  categoryCode?: string;

  @IsOptional()
  @IsIn(PARTICIPATION_STATUSES)
  status?: ParticipationStatus;
}
