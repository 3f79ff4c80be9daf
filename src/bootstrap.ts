import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type * as express from 'express';
import { Logger } from 'nestjs-pino';
import { PublicRateLimit } from './auth/throttle';
import { CSV_BODY_LIMIT_BYTES, JSON_BODY_LIMIT_BYTES } from './common/body-limits';
import { requestContextMiddleware } from './common/request-context';
import { createValidationPipe } from './common/validation';
import { ENV, EnvironmentVariables } from './config/config.module';
import { createOpenApiDocument } from './openapi-document';
import { servePortal } from './portal/serve-portal';
import { servePublicRankingEarly } from './rankings/public-ranking-route';
import { RankingsService } from './rankings/rankings.service';

export const API_PREFIX = 'api/v1';

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
  // In front of Express: the public ranking's hottest requests (see the file).
  const expressApp = app.getHttpAdapter().getInstance() as express.Express;
  servePublicRankingEarly(app.getHttpServer(), app.get(RankingsService), app.get(PublicRateLimit), API_PREFIX, expressApp.get('trust proxy fn'));
  app.setGlobalPrefix(API_PREFIX);
  servePortal(app);
  app.useGlobalPipes(createValidationPipe());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES });
  app.useBodyParser('text', { type: 'text/csv', limit: CSV_BODY_LIMIT_BYTES });
  const document = createOpenApiDocument(app as INestApplication);
  SwaggerModule.setup('api/docs', app as INestApplication, document, { jsonDocumentUrl: 'api/docs-json' });
}
