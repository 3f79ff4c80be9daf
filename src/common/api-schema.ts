import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/**
 * Property decorators for response DTOs, one per kind of value the API sends. They are explicit
 * (not left to the swagger CLI plugin) so the OpenAPI document is the same however the code was
 * compiled: `nest build` runs the plugin, ts-node and ts-jest do not.
 */
interface Opts {
  nullable?: boolean;
  optional?: boolean;
  description?: string;
  example?: unknown;
}

const base = (o: Opts): ApiPropertyOptions => ({
  ...(o.nullable ? { nullable: true } : {}),
  required: !o.optional,
  ...(o.description ? { description: o.description } : {}),
  ...(o.example !== undefined ? { example: o.example } : {}),
});

/** An id: a decimal string. */
export const ApiId = (o: Opts = {}) => ApiProperty({ type: 'string', pattern: '^[1-9][0-9]{0,19}$', example: '42', ...base(o) } as ApiPropertyOptions);
export const ApiIds = (o: Opts = {}) => ApiProperty({ type: 'string', isArray: true, example: ['42'], ...base(o) } as ApiPropertyOptions);
export const ApiText = (o: Opts = {}) => ApiProperty({ type: 'string', ...base(o) } as ApiPropertyOptions);
export const ApiTexts = (o: Opts = {}) => ApiProperty({ type: 'string', isArray: true, ...base(o) } as ApiPropertyOptions);
export const ApiInt = (o: Opts = {}) => ApiProperty({ type: 'integer', ...base(o) } as ApiPropertyOptions);
export const ApiBool = (o: Opts = {}) => ApiProperty({ type: 'boolean', ...base(o) } as ApiPropertyOptions);

/** A score, points, a weight: a string with exactly two decimals, never a float. */
export const ApiScore = (o: Opts = {}) => ApiProperty({ type: 'string', pattern: '^-?[0-9]+\\.[0-9]{2}$', example: '87.50', ...base(o) } as ApiPropertyOptions);

/** An exact decimal (more digits than the two shown): for explanations and recomputation. */
export const ApiExactDecimal = (o: Opts = {}) => ApiProperty({ type: 'string', example: '87.4987654321', ...base(o) } as ApiPropertyOptions);

/** An instant: ISO-8601 in UTC. */
export const ApiInstant = (o: Opts = {}) => ApiProperty({ type: 'string', format: 'date-time', example: '2026-09-30T16:59:59.000Z', ...base(o) } as ApiPropertyOptions);

export const ApiEnum = (values: readonly string[], o: Opts & { isArray?: boolean; enumName?: string } = {}) =>
  ApiProperty({ enum: [...values], ...(o.enumName ? { enumName: o.enumName } : {}), ...(o.isArray ? { isArray: true } : {}), ...base(o) } as ApiPropertyOptions);

/** A nested object or list of objects described by another response DTO. */
export const ApiNested = (lazyType: () => Type<unknown>, o: Opts & { isArray?: boolean } = {}) =>
  // swagger recognises a lazy type by the function's name, which an arrow written as `type: () => ...` gets.
  ApiProperty({ type: () => lazyType(), ...(o.isArray ? { isArray: true } : {}), ...base(o) } as ApiPropertyOptions);

/** A free-form JSON value (an audit snapshot, a job's result). */
export const ApiJson = (o: Opts = {}) =>
  ApiProperty({
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: {} }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    ...base(o),
  } as ApiPropertyOptions);

/** An object keyed by codes, with integer values (counts per qualification). */
export const ApiCounts = (o: Opts = {}) => ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { INFORMATIF: 3 }, ...base(o) } as ApiPropertyOptions);

/** A binary download, for `@ApiOkResponse(binaryResponse('the PDF'))`. */
export const binaryResponse = (description: string) => ({ description, schema: { type: 'string' as const, format: 'binary' } });
