import { existsSync } from 'fs';
import * as path from 'path';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where `vite build` writes the portal: web/dist at the repo root, seen from src/portal (ts-node) or dist/src/portal (built). */
export function portalDir(): string | null {
  for (const dir of [path.resolve(__dirname, '..', '..', 'web', 'dist'), path.resolve(__dirname, '..', '..', '..', 'web', 'dist')]) {
    if (existsSync(path.join(dir, 'index.html'))) return dir;
  }
  return null;
}

const NOT_BUILT = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Portal belum dibangun</title></head>
<body><main><h1>Portal belum dibangun</h1><p>Jalankan <code>npm run build</code> lalu mulai ulang server. API tetap tersedia di <a href="/api/v1/health">/api/v1</a> (dokumentasi: <a href="/api/docs">/api/docs</a>).</p></main></body></html>`;

const isApi = (p: string) => p === '/api' || p.startsWith('/api/');

/**
 * Serves the built portal at `/`: its files (hashed assets cached for a year), and index.html for
 * any other GET that is not under /api (the single-page app routes it); /api paths go on to Nest,
 * so an unknown one still answers the JSON 404. Without a build, a short page says how to make one.
 */
export function servePortal(app: NestExpressApplication): void {
  const dir = portalDir();
  if (dir) {
    app.useStaticAssets(dir, {
      index: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    const built = dir ?? portalDir();
    if (!built) return res.status(503).type('html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(built, 'index.html'));
  });
}
