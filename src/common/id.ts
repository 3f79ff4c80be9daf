import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { IsString, Matches, ValidationOptions } from 'class-validator';
import { ErrorCode, notFound } from './errors';

/** A row id as the API spells it: a BIGINT UNSIGNED in decimal, no sign, no leading zero. */
export const ID_PATTERN = /^[1-9][0-9]{0,19}$/;

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

/**
 * A path id: a malformed one answers 404 like an unknown one (`what` names the resource in the
 * message), so no query ever sees it. Use as `@Param('id', new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation'))`.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(
    private readonly code: ErrorCode,
    private readonly what: string,
  ) {}

  transform(value: string, _metadata?: ArgumentMetadata): string {
    if (!isId(value)) throw notFound(this.code, this.what, value);
    return value;
  }
}

/**
 * A body field holding an id (400 naming the field when malformed); `each` for an array of ids,
 * whose own shape (`@IsArray()`, a size limit) the field declares beside it.
 */
export function IsId(options: { each?: boolean; message?: string } = {}): PropertyDecorator {
  const each = options.each === true;
  const opts: ValidationOptions = { each, message: options.message ?? (each ? 'each $property entry must be an id' : '$property must be an id') };
  if (each) return Matches(ID_PATTERN, opts);
  return (target: object, key: string | symbol) => {
    IsString()(target, key);
    Matches(ID_PATTERN, opts)(target, key);
  };
}
