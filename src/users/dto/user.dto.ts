import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiBool, ApiEnum, ApiId, ApiInstant, ApiText } from '../../common/api-schema';
import { Role, ROLES } from '../../common/auth-user';
import { IsId } from '../../common/id';
import { PageQuery } from '../../common/pagination';
import { trimLower } from '../../common/validation';
import { User } from '../entities/user.entity';

export class CreateUserDto {
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password: string;

  @IsOptional()
  @IsId()
  publicBodyId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  affiliation?: string;

  /** Platform admins only: create the user (usually the first admin) in another organizer. */
  @IsOptional()
  @IsId()
  organizerId?: string;
}

export class UpdateUserDto {
  /** false deactivates the account: it cannot log in and every token it holds is refused. */
  @IsBoolean({ message: 'active must be true or false' })
  active: boolean;
}

export class UserQuery extends PageQuery {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

/** A user as the API shows it: never the password hash. */
export class UserDto {
  @ApiId() id: string;
  @ApiText() email: string;
  @ApiText() name: string;
  @ApiEnum(ROLES, { enumName: 'Role' }) role: Role;
  @ApiId() organizerId: string;
  @ApiId({ nullable: true }) publicBodyId: string | null;
  @ApiText({ nullable: true }) affiliation: string | null;
  @ApiBool() platformAdmin: boolean;
  @ApiBool() active: boolean;
  @ApiInstant() createdAt: string;

  static of(u: User): UserDto {
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      organizerId: u.organizerId,
      publicBodyId: u.publicBodyId,
      affiliation: u.affiliation,
      platformAdmin: u.platformAdmin,
      active: u.active,
      createdAt: u.createdAt.toISOString(),
    };
  }
}

export class DeclareConflictDto {
  @IsId()
  publicBodyId: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/** A declared conflict of interest. */
export class ConflictDto {
  @ApiId() userId: string;
  @ApiId() publicBodyId: string;
  @ApiText({ nullable: true }) reason: string | null;
}
