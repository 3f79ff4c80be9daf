import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, Role, ROLES_KEY } from '../common/auth-user';
import { CommonErrorCode } from '../common/error-codes';
import { forbidden, unauthenticated } from '../common/errors';
import { AuthErrorCode } from './auth.errors';
import { AuthService } from './auth.service';

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers?.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw unauthenticated(AuthErrorCode.TOKEN_MISSING, 'A bearer token is required');
    try {
      req.user = await this.auth.verify(match[1]);
    } catch {
      throw unauthenticated(AuthErrorCode.TOKEN_INVALID, 'The token is invalid or has expired');
    }
    return true;
  }
}

/** Global, after the JWT guard: the route's @Roles() must include the caller's role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!roles?.length) return true;
    const user = ctx.switchToHttp().getRequest().user;
    if (!user) return true; // public route
    if (!roles.includes(user.role)) throw forbidden(CommonErrorCode.FORBIDDEN_ROLE, `This route is for ${roles.join(' or ')} accounts`);
    return true;
  }
}
