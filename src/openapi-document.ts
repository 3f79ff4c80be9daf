import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The API's OpenAPI document: served at /api/docs by bootstrap.ts and written for the portal's client by scripts/openapi.ts. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Monev Keterbukaan Informasi Publik API')
    .setDescription('Self-assessment, verification, objections, panel, ranking and certificates of the KI monev.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}
