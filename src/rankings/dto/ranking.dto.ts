import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { PageQuery } from '../../common/pagination';

export class PublishDto {
  @IsString() @Matches(/^[1-9][0-9]{0,19}$/, { message: 'runId must be an id' })
  runId: string;
}

export class ResultsQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(40)
  categoryCode?: string;
}

export class PublicRankingQuery extends ResultsQuery {
  @IsOptional() @IsString() @MaxLength(64)
  organizer?: string;
}

export class YearParam {
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;
}

export class OrganizerSlugParam {
  @IsString() @MaxLength(64)
  slug: string;
}

export class PublicRankingFileQuery {
  @IsOptional() @IsString() @MaxLength(64)
  organizer?: string;
}
