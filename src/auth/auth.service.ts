import { Injectable } from '@nestjs/common';
import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { notFound } from '../common/errors';
import { User } from '../users/entities/user.entity';
import { UserDto } from '../users/dto/user.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { DUMMY_HASH, verifyPassword } from './password';

export const BAD_CREDENTIALS = 'Invalid e-mail or password';

interface TokenClaims {
  sub: string;
  org: string;
  role: AuthUser['role'];
  pb: string | null;
  pa: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jwt: JwtService,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponseDto> {
    const user = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: dto.email })
      .getOne();
    // Same message and the same argon2 work whether the e-mail is unknown or the password wrong.
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, dto.password);
    if (!user || !ok || !user.active) throw new UnauthorizedException({ message: BAD_CREDENTIALS });
    const claims: TokenClaims = { sub: user.id, org: user.organizerId, role: user.role, pb: user.publicBodyId, pa: user.platformAdmin };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      tokenType: 'Bearer',
      user: { id: user.id, email: user.email, name: user.name, role: user.role, publicBodyId: user.publicBodyId, organizerId: user.organizerId },
    };
  }

  /** Verifies a bearer token; throws on anything but a valid, unexpired token. */
  async verify(token: string): Promise<AuthUser> {
    const c = await this.jwt.verifyAsync<TokenClaims>(token);
    return { id: c.sub, organizerId: c.org, role: c.role, publicBodyId: c.pb, platformAdmin: c.pa };
  }

  async me(user: AuthUser): Promise<UserDto> {
    const u = await this.ds.getRepository(User).findOne({ where: { id: user.id } });
    if (!u) throw notFound('User', user.id);
    return UserDto.of(u);
  }
}
