import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of `details` that is a list: a field error, an unmet precondition, a missing SAQ answer or evidence. */
export class ErrorDetailDto {
  /** Its enum, every detail code, is set where the document is built (openapi-document.ts), from src/error-codes.ts. */
  @ApiProperty({ type: String, description: 'Stable, machine-readable: translate by this code' })
  code!: string;

  @ApiProperty({ description: 'English; the portal translates by code' })
  message!: string;

  @ApiPropertyOptional({ description: 'The request field, for a field error (e.g. `schedule.SAQ.opensAt`)' })
  field?: string;

  @ApiPropertyOptional({ description: 'The class-validator constraint, when code is FIELD_INVALID' })
  constraint?: string;
}

/** Every failure: `{statusCode, error, message, code, details?}`. */
export class ErrorResponseDto {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ description: 'The HTTP reason phrase', example: 'Unprocessable Entity' })
  error!: string;

  @ApiProperty({ description: 'English; the portal translates by code', example: 'The SAQ is already submitted and can no longer change' })
  message!: string;

  /** Its enum, every module's codes, is set where the document is built (openapi-document.ts), from src/error-codes.ts. */
  @ApiProperty({ type: String, description: 'Stable, machine-readable refusal code (part of the API contract: never renamed or reused)' })
  code!: string;

  @ApiPropertyOptional({
    description: 'A 400 lists field errors; a 422 names what refused it (an object whose lists, e.g. `missing` or `unmet`, hold entries with their own code)',
    oneOf: [
      { type: 'array', items: { $ref: '#/components/schemas/ErrorDetailDto' } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: ErrorDetailDto[] | Record<string, unknown>;

  @ApiPropertyOptional({ description: 'On a 500: quote it when reporting the failure' })
  requestId?: string;
}

/** The error responses every route may give, declared once for the whole document (success responses stay per route). */
export const GLOBAL_ERROR_RESPONSES = [
  { status: '4XX' as const, description: 'Refused: see `code` (ErrorCode) and `details`', type: ErrorResponseDto },
  { status: '5XX' as const, description: 'Unavailable (503, with Retry-After) or failed (500)', type: ErrorResponseDto },
];
