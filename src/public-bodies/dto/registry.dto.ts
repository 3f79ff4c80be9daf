import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { ApiId, ApiInt, ApiNested, ApiText } from '../../common/api-schema';
import { PageQuery } from '../../common/pagination';
import { trimLower } from '../../common/validation';
import { Category } from '../entities/category.entity';
import { PublicBody } from '../entities/public-body.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value);
export const CATEGORY_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

export class CreateCategoryDto {
  @Transform(trim)
  @IsString()
  @Matches(CATEGORY_CODE, { message: 'code must be upper-case letters, digits or _ (for example OPD, BUMD)' })
  code: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class CreatePublicBodyDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @Transform(trim)
  @IsString()
  @Matches(CATEGORY_CODE, { message: 'categoryCode must be a category code' })
  categoryCode: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  region?: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  @MaxLength(500)
  website?: string;

  @IsOptional()
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email?: string;
}

export class PublicBodyQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  categoryCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  q?: string;
}

export class CategoryDto {
  @ApiId() id: string;
  @ApiText({ example: 'OPD' }) code: string;
  @ApiText() name: string;

  static of(c: Category): CategoryDto {
    return { id: c.id, code: c.code, name: c.name };
  }
}

export class PublicBodyDto {
  @ApiId() id: string;
  @ApiText() name: string;
  @ApiText() categoryCode: string;
  @ApiText() categoryName: string;
  @ApiText({ nullable: true }) region: string | null;
  @ApiText({ nullable: true }) website: string | null;
  @ApiText({ nullable: true }) email: string | null;

  static of(b: PublicBody, c: Category): PublicBodyDto {
    return { id: b.id, name: b.name, categoryCode: c.code, categoryName: c.name, region: b.region, website: b.website, email: b.email };
  }
}

export class ImportErrorDto {
  @ApiInt({ description: 'the CSV line (1 is the header)' }) line: number;
  @ApiText({ description: 'the column at fault', example: 'categoryCode' }) field: string;
  @ApiText({ description: 'a field code (FIELD_*) or PUBLIC_BODY_UNKNOWN_CATEGORY / PUBLIC_BODY_NAME_TAKEN', example: 'PUBLIC_BODY_UNKNOWN_CATEGORY' }) code: string;
  @ApiText() message: string;
}

export class ImportResultDto {
  @ApiInt() created: number;
  @ApiNested(() => ImportErrorDto, { isArray: true }) errors: ImportErrorDto[];
}
