import type { IncomingMessage } from 'http';
import { brotliDecompressSync, gunzipSync } from 'zlib';
import { chooseEncoding, notModified, precompute } from './precomputed-body';

describe('precomputed bodies', () => {
  it('chooses br, then gzip, by the q-values of Accept-Encoding', () => {
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('BR ; q=0.1')).toBe('br');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity, *;q=0')).toBe('identity');
    expect(chooseEncoding('deflate')).toBe('identity');
  });

  it('matches If-None-Match weakly, in lists and with *', () => {
    const req = (v?: string) => ({ headers: v === undefined ? {} : { 'if-none-match': v } }) as IncomingMessage;
    expect(notModified(req(), '"a"')).toBe(false);
    expect(notModified(req('"a"'), '"a"')).toBe(true);
    expect(notModified(req('W/"a"'), '"a"')).toBe(true);
    expect(notModified(req('"b", "a"'), '"a"')).toBe(true);
    expect(notModified(req('*'), '"a"')).toBe(true);
    expect(notModified(req('"b"'), '"a"')).toBe(false);
  });

  it('serializes, compresses and hashes once; the ETag is the content, the headers are ready for writeHead', async () => {
    const value = { items: Array.from({ length: 50 }, (_, i) => ({ publicBody: `Badan Publik ${i}`, finalScore: '87.50' })) };
    const body = await precompute(value, 'public, max-age=60');
    expect(JSON.parse(body.identity.toString())).toEqual(value);
    expect(gunzipSync(body.gzip).equals(body.identity)).toBe(true);
    expect(brotliDecompressSync(body.br).equals(body.identity)).toBe(true);
    expect((await precompute(JSON.parse(JSON.stringify(value)), 'public, max-age=60')).etag).toBe(body.etag);
    expect((await precompute({ ...value, total: 1 }, 'public, max-age=60')).etag).not.toBe(body.etag);
    expect(body.headers.br).toEqual(expect.arrayContaining(['Content-Encoding', 'br', 'Content-Length', String(body.br.length), 'ETag', body.etag]));
    expect(body.headers.notModified).not.toContain('Content-Length');
  });
});
