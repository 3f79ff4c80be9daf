import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';

import { FieldError } from './field-error';

export type { FieldError } from './field-error';
export { FieldErrorCode } from './field-error';
export { CommonErrorCode } from './error-codes';

/**
 * A code from one of the modules' code lists (`XxxErrorCode.NAME`): UPPER_SNAKE, so a message or a
 * name in the code's place does not compile. src/error-codes.ts gathers the lists; error-codes.spec.ts
 * checks that every helper call names a listed constant.
 */
export type ErrorCode = Uppercase<string>;

/**
 * One place that builds the API's error responses; the exception filter renders them. Every helper
 * takes the refusal's code first (the portal translates by code; `message` stays English).
 */

export const badRequest = (code: ErrorCode, message: string, details?: FieldError[]) => new BadRequestException({ code, message, details });

export const unauthenticated = (code: ErrorCode, message: string) => new UnauthorizedException({ code, message });

/** 404 for what does not exist or belongs to someone else (never a hint that it exists). */
export const notFound = (code: ErrorCode, what: string, id?: string | number) =>
  new NotFoundException({ code, message: id === undefined ? `${what} not found` : `${what} ${id} not found` });

export const forbidden = (code: ErrorCode, message = 'You may not do this') => new ForbiddenException({ code, message });

export const conflict = (code: ErrorCode, message: string, details?: unknown) => new ConflictException({ code, message, details });

export const payloadTooLarge = (code: ErrorCode, message: string) => new PayloadTooLargeException({ code, message });

export const tooManyRequests = (code: ErrorCode, message: string) => new HttpException({ code, message }, HttpStatus.TOO_MANY_REQUESTS);

/** 503: the write lost to concurrent ones several times over; nothing was changed, the client may retry. */
export const busy = (code: ErrorCode, message: string, details?: unknown) => new ServiceUnavailableException({ code, message, details });

/** 422: a well-formed request refused by the state of the data; details say what. */
export const unprocessable = (code: ErrorCode, message: string, details?: unknown) => new UnprocessableEntityException({ code, message, details });
