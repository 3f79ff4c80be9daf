/** A tiny HTTP client for the demo: JSON in and out, bearer tokens, clear errors. */
export class ApiClient {
  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; form?: FormData; expect?: number[] } = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: BodyInit | undefined;
    if (opts.form) body = opts.form;
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body });
    const ok = opts.expect ?? [200, 201, 202];
    const type = res.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    if (!ok.includes(res.status)) throw new Error(`${method} ${path} -> ${res.status}: ${JSON.stringify(data).slice(0, 500)}`);
    return data as T;
  }

  get = <T = any>(path: string, token?: string) => this.call<T>('GET', path, { token });
  post = <T = any>(path: string, body: unknown, token?: string) => this.call<T>('POST', path, { body, token });
  put = <T = any>(path: string, body: unknown, token?: string) => this.call<T>('PUT', path, { body, token });

  async login(email: string, password: string): Promise<string> {
    return (await this.post<{ accessToken: string }>('/auth/login', { email, password })).accessToken;
  }

  async upload(path: string, file: Buffer, name: string, token: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), name);
    return this.call('POST', path, { token, form });
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
