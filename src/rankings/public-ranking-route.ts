import type { IncomingMessage, Server, ServerResponse } from 'http';
import proxyAddr from 'proxy-addr';
import { PublicRateLimit } from '../auth/throttle';
import { sendPrecomputed } from '../common/precomputed-body';
import { RankingsService } from './rankings.service';

/** The counter the guarded route (RankingsController.publicRanking) counts in. */
const ROUTE = 'RankingsController.publicRanking';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * `GET /public/periods/:year/ranking` on the morning of the announcement. Put in front of the Express
 * app on the HTTP server itself (before Express's request setup, its router, Nest's guards, pipes and
 * the request log), it answers a URL that the guarded route has already validated and answered, with
 * the same precomputed bytes and headers, while no publication can have happened since
 * (RankingsService.cachedPublicRanking), and counts it in the same shared rate limit. Everything else
 * (another path, a first request, a new query, a client at its limit, Redis pub/sub down) goes on to
 * Express and the guarded route, which validates, answers and refuses as always.
 *
 * `trust` is Express's compiled `trust proxy` setting, so the client address is the one `req.ip` gives.
 */
export function servePublicRankingEarly(server: Server, rankings: RankingsService, limit: PublicRateLimit, prefix: string, trust: (addr: string, i: number) => boolean): void {
  const path = `/${prefix}/public/periods/`;
  const [express, ...others] = server.listeners('request') as Listener[];
  if (!express || others.length) throw new Error('expected the Express app as the only request listener');
  server.removeListener('request', express);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url!;
    const body = (req.method === 'GET' || req.method === 'HEAD') && url.startsWith(path) ? rankings.cachedPublicRanking(url) : undefined;
    if (!body) return express(req, res);
    const counted = limit.count(ROUTE, proxyAddr(req, trust));
    if (counted === null) return express(req, res);
    if (Array.isArray(counted)) return sendPrecomputed(req, res, body, counted);
    counted.then(
      (headers) => (headers ? sendPrecomputed(req, res, body, headers) : express(req, res)),
      () => express(req, res),
    );
  });
}
