import { INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type * as express from 'express';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AuthService } from './auth/auth.service';
import { bearerUser, checkRole, routeRoles } from './auth/guards';
import { PublicRateLimit } from './auth/throttle';
import { CSV_BODY_LIMIT_BYTES, jsonBodyParser } from './common/body-limits';
import { JsonRouteDeps, mountEarlyRoutes } from './common/early-routes';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { logsRequests, requestContextMiddleware } from './common/request-context';
import { createValidationPipe } from './common/validation';
import { ENV, EnvironmentVariables } from './config/config.module';
import { createOpenApiDocument } from './openapi-document';
import { servePortal } from './portal/serve-portal';
import { publicRankingEarlyRoute } from './rankings/public-ranking-route';
import { RankingsService } from './rankings/rankings.service';
import { answerSaveEarlyRoute } from './saq/answer-save-route';
import { ParticipationsController } from './saq/participations.controller';

export const API_PREFIX = 'api/v1';

/** Options of the HTTP application (main and tests): the body parsers are configureHttpApp's. */
export const HTTP_APP_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/**
 * In front of Express (common/early-routes.ts): the public ranking's and the answer saves' hottest
 * requests, through the same checks as their guarded routes, which answer everything else.
 */
function mountHotRoutes(app: NestExpressApplication, env: EnvironmentVariables, parseJson: JsonRouteDeps['parseJson']): void {
  const expressApp = app.getHttpAdapter().getInstance() as express.Express;
  const auth = app.get(AuthService);
  const reflector = app.get(Reflector);
  const errors = new AllExceptionsFilter(env);
  const deps: JsonRouteDeps = {
    authenticate: (header) => bearerUser(auth, header),
    authorize: (user, target) => checkRole(routeRoles(reflector, target), user),
    parseJson,
    errorAnswer: (e, req) => errors.answerOf(e, req),
    requestLog: logsRequests(env) ? PinoLogger.root : undefined,
  };
  mountEarlyRoutes(app.getHttpServer(), [
    publicRankingEarlyRoute(app.get(RankingsService), app.get(PublicRateLimit), API_PREFIX, expressApp.get('trust proxy fn')),
    answerSaveEarlyRoute(API_PREFIX, app.get(ParticipationsController), deps),
  ]);
}

/**
 * HTTP setup shared by main.ts and the e2e tests, so tests exercise exactly what production runs.
 * Signals are main.ts's business (installGracefulShutdown drains HTTP before the app closes).
 */
export function configureHttpApp(app: NestExpressApplication): void {
  const env = app.get<EnvironmentVariables>(ENV);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(requestContextMiddleware);
  app.setGlobalPrefix(API_PREFIX);
  servePortal(app);
  app.useGlobalPipes(createValidationPipe());
  const jsonParser = jsonBodyParser();
  app.use(jsonParser);
  app.useBodyParser('urlencoded', { extended: true });
  app.useBodyParser('text', { type: 'text/csv', limit: CSV_BODY_LIMIT_BYTES });
  mountHotRoutes(app, env, jsonParser);
  const document = createOpenApiDocument(app as INestApplication);
  SwaggerModule.setup('api/docs', app as INestApplication, document, { jsonDocumentUrl: 'api/docs-json' });
}
