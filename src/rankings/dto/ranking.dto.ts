import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsId } from '../../common/id';
import { PageQuery } from '../../common/pagination';

export class PublishDto {
  @IsId()
  runId: string;
}

export class ResultsQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  categoryCode?: string;
}

export class PublicRankingQuery extends ResultsQuery {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organizer?: string;
}

export class YearParam {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class OrganizerSlugParam {
  @IsString()
  @MaxLength(64)
  slug: string;
}

export class PublicRankingFileQuery {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organizer?: string;
}

export class CompareQuery {
  @IsId()
  against: string;
}
