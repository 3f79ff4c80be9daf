import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '../../common/auth-user';
import { PageQuery } from '../../common/pagination';
import { User } from '../entities/user.entity';
import { trimLower } from '../../common/validation';

const ID = /^[1-9][0-9]{0,19}$/;

export class CreateUserDto {
  @Transform(trimLower) @IsEmail({}, { message: 'email must be a valid e-mail address' }) @MaxLength(254)
  email: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @IsString() @MinLength(10, { message: 'password must be at least 10 characters' }) @MaxLength(200)
  password: string;

  @IsOptional() @IsString() @Matches(ID, { message: 'publicBodyId must be an id' })
  publicBodyId?: string;

  @IsOptional() @IsString() @MaxLength(300)
  affiliation?: string;

  /** Platform admins only: create the user (usually the first admin) in another organizer. */
  @IsOptional() @IsString() @Matches(ID, { message: 'organizerId must be an id' })
  organizerId?: string;
}

export class UpdateUserDto {
  /** false deactivates the account: it cannot log in and every token it holds is refused. */
  @IsBoolean({ message: 'active must be true or false' })
  active: boolean;
}

export class UserQuery extends PageQuery {
  @IsOptional() @IsIn(ROLES)
  role?: Role;
}

export class UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizerId: string;
  publicBodyId: string | null;
  affiliation: string | null;
  platformAdmin: boolean;
  active: boolean;
  createdAt: string;

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
  @IsString() @Matches(ID, { message: 'publicBodyId must be an id' })
  publicBodyId: string;

  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}
