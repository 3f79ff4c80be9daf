/**
 * Writes the API's OpenAPI document to web/src/api/openapi.json for the portal's typed client
 * (`npm run openapi` then runs openapi-typescript on it). The document is built from the compiled
 * app (dist/, so the Swagger CLI plugin's DTO metadata is in it) in Nest's preview mode: the module
 * graph without instantiating providers, so no database, Redis or port is needed.
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { NestFactory } from '@nestjs/core';
import type { AppModule as AppModuleType } from '../src/app.module';
import type { API_PREFIX as ApiPrefix } from '../src/bootstrap';
import type { loadEnv as LoadEnv, validateEnv as ValidateEnv } from '../src/config/env';
import type { createOpenApiDocument as CreateDocument } from '../src/openapi-document';

const root = path.join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled app, chosen at run time
const compiled = (file: string) => require(path.join(root, 'dist', 'src', file));

async function main() {
  const { AppModule } = compiled('app.module') as { AppModule: typeof AppModuleType };
  const { createOpenApiDocument } = compiled('openapi-document') as { createOpenApiDocument: typeof CreateDocument };
  const { API_PREFIX } = compiled('bootstrap') as { API_PREFIX: typeof ApiPrefix };
  const { loadEnv, validateEnv } = compiled('config/env') as { loadEnv: typeof LoadEnv; validateEnv: typeof ValidateEnv };
  const env = validateEnv({ ...loadEnv(), ENV_FILE: 'none', LOG_LEVEL: 'silent' } as never);
  const app = await NestFactory.create(AppModule.forRoot({ env, workers: false, http: true }), { preview: true, logger: false });
  app.setGlobalPrefix(API_PREFIX);
  const doc = createOpenApiDocument(app);
  await app.close();
  // The client's base URL is the prefix, so its paths read as the API contract does (/organizers, ...).
  const prefix = `/${API_PREFIX}`;
  const paths = Object.fromEntries(
    Object.entries(doc.paths)
      .filter(([p]) => p.startsWith(prefix))
      .map(([p, item]) => [p.slice(prefix.length) || '/', item]),
  );
  const out = { ...doc, servers: [{ url: prefix }], paths };
  const file = path.join(root, 'web', 'src', 'api', 'openapi.json');
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${path.relative(root, file)} (${Object.keys(paths).length} paths)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
