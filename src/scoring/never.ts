/**
 * Ends a `switch` over a union: once every member has its case the argument's type is `never`, so
 * adding a member (a question type, an evidence kind, a stage) makes the compiler list every switch
 * that does not handle it yet. At run time it refuses a value the types said could not occur.
 */
export function unreachable(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what} '${String(value)}'`);
}
