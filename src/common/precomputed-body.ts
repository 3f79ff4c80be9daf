import { createHash } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { promisify } from 'util';
import { brotliCompress, constants as zlibConstants, gzip } from 'zlib';
import { LRUCache } from 'lru-cache';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * A JSON answer that does not change until an event invalidates it (a published ranking): serialized,
 * compressed and hashed once, then sent as bytes. Its ETag is the hash of the JSON, so every process
 * and host gives the same ETag for the same content.
 */
export interface PrecomputedBody {
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** The response headers of each answer, as flat [name, value, ...] lists for writeHead. */
  headers: Record<Encoding | 'notModified', string[]>;
}

export async function precompute(value: unknown, cacheControl: string): Promise<PrecomputedBody> {
  const identity = Buffer.from(JSON.stringify(value), 'utf8');
  const [gz, br] = await Promise.all([
    gzipAsync(identity, { level: 9 }),
    brotliAsync(identity, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ]);
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  const common = ['ETag', etag, 'Cache-Control', cacheControl, 'Vary', 'Accept-Encoding'];
  const full = (bytes: Buffer, encoding?: string) => [
    ...common,
    'Content-Type',
    'application/json; charset=utf-8',
    'Content-Length',
    String(bytes.length),
    ...(encoding ? ['Content-Encoding', encoding] : []),
  ];
  return { etag, identity, gzip: gz, br, headers: { notModified: common, identity: full(identity), gzip: full(gz, 'gzip'), br: full(br, 'br') } };
}

type Encoding = 'br' | 'gzip' | 'identity';

/** The encodings a client takes (RFC 9110 Accept-Encoding with q-values), its preference among ours: br, then gzip. */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  let chosen = encodingChoices.get(header);
  if (chosen === undefined) {
    const q = new Map<string, number>();
    for (const part of header.split(',')) {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = qParam ? Number(qParam.slice(2)) : 1;
      if (name.trim()) q.set(name.trim(), Number.isFinite(weight) ? weight : 0);
    }
    const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
    chosen = accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : 'identity';
    encodingChoices.set(header, chosen);
  }
  return chosen;
}
/** Clients send a handful of distinct Accept-Encoding strings: each is parsed once. */
const encodingChoices = new LRUCache<string, Encoding>({ max: 256 });

/** Whether the request's If-None-Match names this ETag (weak comparison, `*` included). */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const given = req.headers['if-none-match'];
  if (!given) return false;
  if (given === etag || given === '*') return true;
  return given.split(',').some((t) => {
    const tag = t.trim();
    return tag === etag || tag === `W/${etag}` || tag === '*';
  });
}

/**
 * Sends a precomputed body: 304 with no body when the client has it, else its bytes in the best
 * encoding the client accepts. Nothing is serialized, compressed or hashed per request; `extraHeaders`
 * ([name, value, ...]) are added to the precomputed ones.
 */
export function sendPrecomputed(req: IncomingMessage, res: ServerResponse, body: PrecomputedBody, extraHeaders?: string[]): void {
  if (notModified(req, body.etag)) {
    res.writeHead(304, extraHeaders ? body.headers.notModified.concat(extraHeaders) : body.headers.notModified);
    res.end();
    return;
  }
  const encoding = chooseEncoding(req.headers['accept-encoding'] as string | undefined);
  res.writeHead(200, extraHeaders ? body.headers[encoding].concat(extraHeaders) : body.headers[encoding]);
  res.end(req.method === 'HEAD' ? undefined : body[encoding]);
}
