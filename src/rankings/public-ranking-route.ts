import type { NextFunction, Request, Response } from 'express';
import { PublicRateLimit } from '../auth/throttle';
import { sendPrecomputed } from '../common/precomputed-body';
import { PUBLIC_CACHE_CONTROL } from './rankings.controller';
import { RankingsService } from './rankings.service';

/** The counter the guarded route (RankingsController.publicRanking) counts in. */
const ROUTE = 'RankingsController.publicRanking';

/**
 * `GET /public/periods/:year/ranking` on the morning of the announcement: mounted on Express before
 * Nest's router, guards, pipes and request logging, it answers a URL that the guarded route has
 * already validated and answered, from the same precomputed body, while no publication can have
 * happened since (RankingsService.cachedPublicRanking). It counts the same shared rate limit and sends
 * the same bytes and headers. Anything else (a first request, another query, a client over the limit,
 * Redis pub/sub down) goes on to the guarded route, which validates, answers and refuses as always.
 */
export function publicRankingRoute(rankings: RankingsService, limit: PublicRateLimit) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body = rankings.cachedPublicRanking(req.originalUrl);
    if (!body) return next();
    limit.allows(ROUTE, req.ip, res).then(
      (allowed) => (allowed ? sendPrecomputed(req, res, body, PUBLIC_CACHE_CONTROL) : next()),
      (err: unknown) => next(err),
    );
  };
}

/** The Express path of the route, under the API prefix. */
export const PUBLIC_RANKING_PATH = '/public/periods/:year/ranking';
