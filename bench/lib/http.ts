/** A minimal JSON client over fetch for setting up bench data through the real API. */

export class HttpError extends Error {
  constructor(
    public readonly method: string,
    public readonly path: string,
    public readonly status: number,
    public readonly body: string,
  ) {
    super(`${method} ${path} -> ${status} ${body.slice(0, 2000)}`);
  }
}

export class ApiClient {
  constructor(
    public readonly base: string,
    public token?: string,
  ) {}

  headers(json = true): Record<string, string> {
    const h: Record<string, string> = {};
    if (json) h['content-type'] = 'application/json';
    if (this.token) h.authorization = `Bearer ${this.token}`;
    return h;
  }

  /** Calls the API; a status outside `expected` (default any 2xx) throws an HttpError with the body. */
  async call<T = any>(method: string, path: string, body?: unknown, expected?: number | number[]): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: this.headers(body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const ok = expected === undefined ? res.status >= 200 && res.status < 300 : ([] as number[]).concat(expected).includes(res.status);
    if (!ok) throw new HttpError(method, path, res.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get = <T = any>(path: string) => this.call<T>('GET', path);
  post = <T = any>(path: string, body: unknown, expected?: number | number[]) => this.call<T>('POST', path, body, expected);
  put = <T = any>(path: string, body: unknown, expected?: number | number[]) => this.call<T>('PUT', path, body, expected);
}

export interface LoginResult {
  accessToken: string;
  user: { id: string; email: string; role: string; publicBodyId: string | null; organizerId: string };
}

export async function login(base: string, email: string, password: string): Promise<LoginResult> {
  return new ApiClient(base).post<LoginResult>('/auth/login', { email, password }, [200, 201]);
}
