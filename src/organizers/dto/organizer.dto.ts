import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Organizer, ORGANIZER_LEVELS, OrganizerLevel } from '../entities/organizer.entity';

export class CreateOrganizerDto {
  @IsString() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'slug must be 2-63 lower-case letters, digits or -' })
  slug: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @IsIn(ORGANIZER_LEVELS)
  level: OrganizerLevel;

  @IsOptional() @IsString() @MaxLength(120)
  region?: string;
}

export class OrganizerDto {
  id: string;
  slug: string;
  name: string;
  level: OrganizerLevel;
  region: string | null;

  static of(o: Organizer): OrganizerDto {
    return { id: o.id, slug: o.slug, name: o.name, level: o.level, region: o.region };
  }
}
