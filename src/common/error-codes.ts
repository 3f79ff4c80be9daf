/**
 * Codes of the refusals no one module owns: the exception filter's own mappings (duplicate key, lock
 * contention, unreachable MySQL or Redis, body-parser, the throttler, Nest's own 401/403/404, the
 * 500) and refusals shared by every module (stale version, a role that may not call a route).
 * Like every error code, part of the API contract: never renamed, never reused for another meaning.
 */
export const CommonErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  INVALID_JSON: 'INVALID_JSON',
  REQUEST_UNREADABLE: 'REQUEST_UNREADABLE',
  NOT_FOUND: 'NOT_FOUND',
  STALE_VERSION: 'STALE_VERSION',
  DUPLICATE: 'DUPLICATE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  QUEUE_UNAVAILABLE: 'QUEUE_UNAVAILABLE',
  BUSY: 'BUSY',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  FORBIDDEN_ROLE: 'FORBIDDEN_ROLE',
  INTERNAL: 'INTERNAL',
  /** Only under NODE_ENV=test: an HttpException reached the filter without a code (a bug). */
  INTERNAL_MISSING_CODE: 'INTERNAL_MISSING_CODE',
} as const;
