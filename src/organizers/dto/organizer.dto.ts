import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiEnum, ApiId, ApiNested, ApiText } from '../../common/api-schema';
import { Organizer, ORGANIZER_LEVELS, OrganizerLevel } from '../entities/organizer.entity';

export class CreateOrganizerDto {
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'slug must be 2-63 lower-case letters, digits or -' })
  slug: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsIn(ORGANIZER_LEVELS)
  level: OrganizerLevel;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  region?: string;
}

export class OrganizerDto {
  @ApiId() id: string;
  @ApiText() slug: string;
  @ApiText() name: string;
  @ApiEnum(ORGANIZER_LEVELS, { enumName: 'OrganizerLevel' }) level: OrganizerLevel;
  @ApiText({ nullable: true }) region: string | null;

  static of(o: Organizer): OrganizerDto {
    return { id: o.id, slug: o.slug, name: o.name, level: o.level, region: o.region };
  }
}

/** An organizer as the public list shows it (no internal id). */
export class PublicOrganizerDto {
  @ApiText() slug: string;
  @ApiText() name: string;
  @ApiEnum(ORGANIZER_LEVELS, { enumName: 'OrganizerLevel' }) level: OrganizerLevel;
  @ApiText({ nullable: true }) region: string | null;
}

export class OrganizerListDto {
  @ApiNested(() => PublicOrganizerDto, { isArray: true }) items: PublicOrganizerDto[];
}
