import { Foundation1764000000000 } from './1764000000000-Foundation';

/** Every migration in order; the data source (app, CLI, tests) reads this list. */
export const migrations = [Foundation1764000000000];
