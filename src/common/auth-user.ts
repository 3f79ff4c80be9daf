import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = ['admin', 'public_body', 'assessor', 'panelist'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: read from the verified JWT; carries the organizer every query is scoped by. */
export interface AuthUser {
  id: string;
  organizerId: string;
  role: Role;
  publicBodyId: string | null;
  platformAdmin: boolean;
}

export const IS_PUBLIC = 'isPublic';
/** Marks a route that needs no token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ROLES_KEY = 'roles';
/** Roles allowed on a route (checked by the roles guard; ownership is checked in services). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});
