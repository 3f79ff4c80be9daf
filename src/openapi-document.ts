import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorDetailDto, GLOBAL_ERROR_RESPONSES } from './common/dto/error-response.dto';
import { ALL_DETAIL_CODES, ALL_ERROR_CODES } from './error-codes';

/** The API's OpenAPI document: served at /api/docs by bootstrap.ts and written for the portal's client by scripts/openapi.ts. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Monev Keterbukaan Informasi Publik API')
    .setDescription('Self-assessment, verification, objections, panel, ranking and certificates of the KI monev.')
    .setVersion('1')
    .addBearerAuth()
    .addGlobalResponse(...GLOBAL_ERROR_RESPONSES)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorDetailDto] });
  // The code enums, spelled once in the modules' *.errors.ts and gathered by src/error-codes.ts.
  const schemas = document.components!.schemas! as Record<string, { properties: Record<string, object> }>;
  schemas.ErrorCode = { type: 'string', enum: ALL_ERROR_CODES } as never;
  schemas.ErrorDetailCode = { type: 'string', enum: ALL_DETAIL_CODES } as never;
  for (const [dto, enumName] of [
    ['ErrorResponseDto', 'ErrorCode'],
    ['ErrorDetailDto', 'ErrorDetailCode'],
  ]) {
    const { description } = schemas[dto].properties.code as { description?: string };
    schemas[dto].properties.code = { allOf: [{ $ref: `#/components/schemas/${enumName}` }], description };
  }
  return document;
}
