import { registerDecorator, ValidationOptions } from 'class-validator';
import { parseDecimalInput, ParseDecimalOptions } from '../scoring/decimal';

/**
 * A score, points, weight or band minimum in a request: a JSON number or a decimal string with at
 * most two decimals (api.md), optionally within a range. Kept as given; services convert with dec().
 */
export function IsDecimalInput(opts: ParseDecimalOptions = {}, validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDecimalInput',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate: (value: unknown) => parseDecimalInput(value, opts).ok,
        defaultMessage: (args) => {
          const r = parseDecimalInput(args?.value, opts);
          return `${args?.property} ${r.ok ? 'is invalid' : r.message}`;
        },
      },
    });
}
