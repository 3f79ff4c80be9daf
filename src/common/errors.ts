import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';

import { FieldError } from './field-error';

export type { FieldError } from './field-error';

/** One place that builds the API's error responses; the exception filter renders them. */

export const badRequest = (message: string, details?: FieldError[]) =>
  new BadRequestException({ message, details });

/** 404 for what does not exist or belongs to someone else (never a hint that it exists). */
export const notFound = (what: string, id?: string | number) =>
  new NotFoundException({ message: id === undefined ? `${what} not found` : `${what} ${id} not found` });

export const forbidden = (message = 'You may not do this') => new ForbiddenException({ message });

export const conflict = (message: string, details?: unknown) => new ConflictException({ message, details });

/** 503: the write lost to concurrent ones several times over; nothing was changed, the client may retry. */
export const busy = (message: string, details?: unknown) => new ServiceUnavailableException({ message, details });

/** 422: a well-formed request refused by the state of the data; details say what. */
export const unprocessable = (message: string, details?: unknown) =>
  new UnprocessableEntityException({ message, details });
