import { applyDecorators, ValidationError, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsObject, IsOptional, IsString, Matches, ValidateNested, ValidationArguments } from 'class-validator';
import { CommonErrorCode } from './error-codes';
import { badRequest, FieldError, FieldErrorCode } from './errors';

/** The field code of each class-validator constraint the DTOs use; any other is FIELD_INVALID with its `constraint`. */
const CONSTRAINT_CODES: Record<string, FieldErrorCode> = {
  whitelistValidation: FieldErrorCode.UNKNOWN_FIELD,
  isDefined: FieldErrorCode.REQUIRED,
  isNotEmpty: FieldErrorCode.EMPTY,
  isString: FieldErrorCode.NOT_STRING,
  isInt: FieldErrorCode.NOT_INT,
  isBoolean: FieldErrorCode.NOT_BOOLEAN,
  isArray: FieldErrorCode.NOT_ARRAY,
  isObject: FieldErrorCode.NOT_OBJECT,
  nestedValidation: FieldErrorCode.NOT_OBJECT,
  isIn: FieldErrorCode.NOT_IN_LIST,
  isEnum: FieldErrorCode.NOT_IN_LIST,
  min: FieldErrorCode.TOO_SMALL,
  max: FieldErrorCode.TOO_LARGE,
  minLength: FieldErrorCode.TOO_SHORT,
  maxLength: FieldErrorCode.TOO_LONG,
  arrayMinSize: FieldErrorCode.TOO_FEW_ITEMS,
  arrayMaxSize: FieldErrorCode.TOO_MANY_ITEMS,
  matches: FieldErrorCode.BAD_FORMAT,
  isEmail: FieldErrorCode.NOT_EMAIL,
  isUrl: FieldErrorCode.NOT_URL,
  isIso8601: FieldErrorCode.NOT_INSTANT,
  isDecimalInput: FieldErrorCode.NOT_DECIMAL,
};

export const fieldErrorOf = (field: string, constraint: string, message: string): FieldError => {
  const code = CONSTRAINT_CODES[constraint];
  return code ? { field, message, code } : { field, message, code: FieldErrorCode.INVALID, constraint };
};

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    for (const [constraint, message] of Object.entries(e.constraints ?? {})) out.push(fieldErrorOf(field, constraint, message));
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** Global pipe: unknown fields are refused, types are converted only where a DTO says so. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/** The 400 of a request body with these problems, naming their fields (the validation pipe's, and the answer save's own check). */
export const validationFailed = (details: FieldError[]) =>
  badRequest(
    CommonErrorCode.VALIDATION_FAILED,
    `Invalid request: ${details
      .map((d) => d.field)
      .filter((f, i, a) => a.indexOf(f) === i)
      .join(', ')}`,
    details,
  );

/** `@Transform` for e-mail addresses: trimmed and lower-cased, so one address is one account. */
export const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** An instant as the API takes it: ISO-8601 date and time with an offset. */
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_EXAMPLE = 'e.g. 2026-03-01T00:00:00+07:00';

/**
 * An ISO-8601 instant with an offset that names a real moment: the shape, and (strict) a month, day
 * and time of day that exist, so `2026-13-45T99:99:99Z` or 30 February never reaches `new Date()`.
 */
export const IsInstant = () =>
  applyDecorators(
    IsString({ message: `$property must be an ISO-8601 instant with an offset, ${INSTANT_EXAMPLE}` }),
    Matches(INSTANT_SHAPE, { message: `$property must be an ISO-8601 instant with an offset, ${INSTANT_EXAMPLE}` }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: `$property must be a real date and time (month, day and time of day that exist), ${INSTANT_EXAMPLE}` }),
  );

const objectMessage = (args: ValidationArguments) => (args.value === undefined ? `${args.property} is required` : `${args.property} must be an object`);

/**
 * A nested object validated by its class. `@ValidateNested` alone lets a missing value, an array or a
 * string through to the services (an array is taken as a list of nested objects, even an empty one).
 */
export const NestedObject = (cls: () => new () => object, opts: { optional?: boolean } = {}) =>
  applyDecorators(...(opts.optional ? [IsOptional()] : []), IsObject({ message: objectMessage }), ValidateNested(), Type(cls));

/** A list of nested objects validated by their class; each entry must be an object (not a list, not null). */
export const NestedArray = (cls: () => new () => object, opts: { min?: number; max: number; optional?: boolean }) =>
  applyDecorators(
    ...(opts.optional ? [IsOptional()] : []),
    IsArray({ message: (args: ValidationArguments) => (args.value === undefined ? `${args.property} is required` : `${args.property} must be an array`) }),
    ...(opts.min ? [ArrayMinSize(opts.min)] : []),
    ArrayMaxSize(opts.max),
    IsObject({ each: true, message: 'each entry of $property must be an object' }),
    ValidateNested({ each: true }),
    Type(cls),
  );
