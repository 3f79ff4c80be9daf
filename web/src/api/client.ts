import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { sessionMiddleware } from './session';

/** Every call goes to the API of the same origin; paths read as the contract does (`/organizers`). */
export const API_BASE = '/api/v1';

/** The typed client: paths, parameters and bodies come from the API's OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: API_BASE });
// The session (access token in memory, refresh cookie, one retry on a 401): ./session.ts.
api.use(sessionMiddleware);

/** The API's error body (`src/common/http-exception.filter.ts`). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  code?: string;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Every failed call, the network's included (status 0), as one error the pages show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    /** Seconds from a Retry-After header (429, 503), when the API sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  /** A 429, a 503 or no answer at all: the same call may succeed later. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 503;
  }

  /** A 400's `details` as `{field, message}` pairs (empty for any other error). */
  get fieldErrors(): FieldError[] {
    const d = this.body.details;
    if (!Array.isArray(d)) return [];
    return d.filter((x): x is FieldError => typeof x === 'object' && x !== null && typeof x.field === 'string' && typeof x.message === 'string');
  }
}

function isErrorBody(x: unknown): x is ApiErrorBody {
  return typeof x === 'object' && x !== null && typeof (x as ApiErrorBody).statusCode === 'number' && typeof (x as ApiErrorBody).message === 'string';
}

export function toApiError(response: Response, error: unknown): ApiError {
  const retry = Number(response.headers.get('Retry-After'));
  const body: ApiErrorBody = isErrorBody(error) ? error : { statusCode: response.status, error: response.statusText, message: typeof error === 'string' ? error.slice(0, 200) : response.statusText };
  return new ApiError(response.status, body, Number.isFinite(retry) && retry > 0 ? retry : null);
}

/**
 * Awaits an openapi-fetch call and gives its body, or throws an ApiError. The body's type is the one
 * the call declares (generated from the route's response DTO), so a changed API breaks the type-check.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, { statusCode: 0, error: 'Network Error', message: 'Tidak dapat terhubung ke server' });
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}
