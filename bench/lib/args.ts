/**
 * Tiny CLI parser for the benches: `--name value`, `--name=value` and bare `--flag` (true).
 * Defaults give the type: a number default parses the value as a number (refusing garbage).
 */
export type ArgDefaults = Record<string, number | string | boolean>;

export function parseArgs<T extends ArgDefaults>(defaults: T, argv: string[] = process.argv.slice(2)): T {
  const out: Record<string, number | string | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!(name in defaults))
      throw new Error(
        `unknown option --${name} (known: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(' ')})`,
      );
    const def = defaults[name];
    let value = inline;
    if (typeof def === 'boolean') {
      out[name] = value === undefined ? true : !['false', '0', 'no'].includes(value);
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
    }
    if (typeof def === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${value}`);
      out[name] = n;
    } else out[name] = value;
  }
  return out as T;
}
