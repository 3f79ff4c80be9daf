import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthUser, IS_PUBLIC, Role, ROLES_KEY } from '../common/auth-user';
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
    req.user = await bearerUser(this.auth, req.headers?.authorization);
    return true;
  }
}

/** The caller of an `Authorization: Bearer <JWT>` header, or a 401 (the JWT guard's check, also run by early routes). */
export async function bearerUser(auth: AuthService, header: string | undefined): Promise<AuthUser> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw unauthenticated(AuthErrorCode.TOKEN_MISSING, 'A bearer token is required');
  try {
    return await auth.verify(match[1]);
  } catch {
    throw unauthenticated(AuthErrorCode.TOKEN_INVALID, 'The token is invalid or has expired');
  }
}

/** Global, after the JWT guard: the route's @Roles() must include the caller's role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const user = ctx.switchToHttp().getRequest().user;
    if (!user) return true; // public route
    checkRole(routeRoles(this.reflector, [ctx.getHandler(), ctx.getClass()]), user);
    return true;
  }
}

/** A route's @Roles(), the handler's over its controller's. */
export const routeRoles = (reflector: Reflector, handlerAndController: Parameters<Reflector['getAllAndOverride']>[1]): Role[] | undefined =>
  reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, handlerAndController);

/** The roles guard's refusal (403) of a caller whose role the route does not list; no roles listed: anyone signed in. */
export function checkRole(roles: Role[] | undefined, user: AuthUser): void {
  if (roles?.length && !roles.includes(user.role)) throw forbidden(CommonErrorCode.FORBIDDEN_ROLE, `This route is for ${roles.join(' or ')} accounts`);
}
