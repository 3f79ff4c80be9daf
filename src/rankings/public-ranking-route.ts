import proxyAddr from 'proxy-addr';
import { PublicRateLimit } from '../auth/throttle';
import type { EarlyRoute } from '../common/early-routes';
import { sendPrecomputed } from '../common/precomputed-body';
import { RankingsService } from './rankings.service';

/** The counter the guarded route (RankingsController.publicRanking) counts in. */
const ROUTE = 'RankingsController.publicRanking';

/**
 * `GET /public/periods/:year/ranking` on the morning of the announcement, in front of Express
 * (common/early-routes.ts): it answers a URL that the guarded route has already validated and
 * answered, with the same precomputed bytes and headers, while no publication can have happened since
 * (RankingsService.cachedPublicRanking), and counts it in the same shared rate limit. Everything else
 * (another path, a first request, a new query, a client at its limit, Redis pub/sub down) goes on to
 * Express and the guarded route, which validates, answers and refuses as always.
 *
 * `trust` is Express's compiled `trust proxy` setting, so the client address is the one `req.ip` gives.
 */
export function publicRankingEarlyRoute(rankings: RankingsService, limit: PublicRateLimit, prefix: string, trust: (addr: string, i: number) => boolean): EarlyRoute {
  const path = `/${prefix}/public/periods/`;
  return (req, res, toExpress) => {
    const url = req.url!;
    const body = (req.method === 'GET' || req.method === 'HEAD') && url.startsWith(path) ? rankings.cachedPublicRanking(url) : undefined;
    if (!body) return false;
    const counted = limit.count(ROUTE, proxyAddr(req, trust));
    if (counted === null) toExpress();
    else if (Array.isArray(counted)) sendPrecomputed(req, res, body, counted);
    else
      counted.then(
        (headers) => (headers ? sendPrecomputed(req, res, body, headers) : toExpress()),
        () => toExpress(),
      );
    return true;
  };
}
