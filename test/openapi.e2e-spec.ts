import { RequestMethod, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { STAGES } from '../src/periods/stage-machine';
import { PARTICIPATION_STATUSES } from '../src/saq/entities/participation.entity';
import { QUESTION_TYPES } from '../src/scoring/question-points';
import { API, Factory } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

type Schema = Record<string, any>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
/** Where @nestjs/swagger keeps a handler's @ApiResponse metadata (its constants are not exported). */
const API_RESPONSE_METADATA = 'swagger/apiResponse';

/** Every `$ref` inside a schema, however deep. */
function refsIn(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else refsIn(v, out);
    }
  }
  return out;
}

/** A schema that says something: a $ref, a composition, a type with its items or properties. */
function isMeaningful(s: Schema | undefined): boolean {
  if (!s || !Object.keys(s).length) return false;
  if (s.$ref || s.allOf || s.oneOf || s.anyOf) return true;
  if (s.type === 'array') return isMeaningful(s.items);
  if (s.type === 'object') return !!(s.properties && Object.keys(s.properties).length) || !!s.additionalProperties;
  return typeof s.type === 'string';
}

/** A property's schema with a named enum or a nullable `$ref` resolved. */
function resolve(doc: Schema, s: Schema): Schema {
  const ref = s.$ref ?? s.allOf?.[0]?.$ref;
  return ref ? { ...doc.components.schemas[ref.split('/').pop()], nullable: s.nullable } : s;
}

describe('the OpenAPI document describes every response', () => {
  let t: TestApp;
  let doc: Schema;
  const operations: { method: string; path: string; op: Operation }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
    for (const [path, item] of Object.entries<Record<string, Operation>>(doc.paths)) {
      for (const method of HTTP_METHODS) if (item[method]) operations.push({ method, path, op: item[method] });
    }
  }, 60000);

  afterAll(async () => {
    await t?.close();
  });

  it('gives every operation a 2xx response with a schema (or declares it has no body)', () => {
    const missing: string[] = [];
    for (const { method, path, op } of operations) {
      const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
      if (!success.length) missing.push(`${method.toUpperCase()} ${path}: no 2xx response`);
      for (const [code, r] of success) {
        if (code === '204') {
          if (r.content) missing.push(`${method.toUpperCase()} ${path}: 204 with a body`);
          continue;
        }
        const schemas = Object.values(r.content ?? {}).map((c) => c.schema);
        if (!schemas.length || !schemas.every(isMeaningful)) missing.push(`${method.toUpperCase()} ${path} ${code}: no schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares the status code each route really answers (201 for a POST unless @HttpCode says otherwise)', () => {
    const wrong: string[] = [];
    let handlers = 0;
    for (const module of t.get<ModulesContainer>(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const proto = (wrapper.metatype as Type<unknown>).prototype;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (name === 'constructor' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          handlers++;
          const method: RequestMethod = Reflect.getMetadata(METHOD_METADATA, handler);
          const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, handler) ?? (method === RequestMethod.POST ? 201 : 200);
          const declared = Object.keys(Reflect.getMetadata(API_RESPONSE_METADATA, handler) ?? {});
          if (!declared.includes(String(status)))
            wrong.push(`${(wrapper.metatype as Type<unknown>).name}.${name}: answers ${status}, declares ${declared.join(', ') || 'nothing'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every route handler is an operation of the document (none hidden from it).
    expect(operations.length).toBe(handlers);
    expect(handlers).toBeGreaterThanOrEqual(68);
  });

  it('resolves every $ref of a response to a schema with properties (or a named enum)', () => {
    const seen = new Set<string>();
    const queue = [...refsIn(operations.map((o) => o.op.responses))];
    const empty: string[] = [];
    while (queue.length) {
      const ref = queue.pop()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      const name = ref.replace('#/components/schemas/', '');
      const schema = doc.components?.schemas?.[name];
      if (!schema) {
        empty.push(`${name}: missing`);
        continue;
      }
      const hasProperties = schema.properties && Object.keys(schema.properties).length > 0;
      if (!hasProperties && !(Array.isArray(schema.enum) && schema.enum.length)) empty.push(`${name}: no properties`);
      queue.push(...refsIn(schema));
    }
    expect(empty).toEqual([]);
    expect(seen.size).toBeGreaterThan(40);
  });

  it('types the known fields right: scores as nullable strings, statuses and stages as complete enums', () => {
    const schemas = doc.components.schemas;
    const finalScore = schemas.RankingResultDto.properties.finalScore ?? schemas.PublicRankingRowDto.properties.finalScore;
    expect(finalScore).toMatchObject({ type: 'string', nullable: true, example: '87.50' });
    expect(doc.paths['/api/v1/rankings/{runId}/results'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/RankingResultPageDto');
    expect(schemas.RankingResultPageDto.properties.items.items.$ref).toBe('#/components/schemas/RankingResultDto');
    expect(schemas.RankingResultPageDto.required).toEqual(expect.arrayContaining(['items', 'total', 'page', 'pageSize']));

    expect(resolve(doc, schemas.ParticipationDto.properties.status).enum).toEqual(PARTICIPATION_STATUSES);
    expect(resolve(doc, schemas.PeriodDto.properties.stage).enum).toEqual([...STAGES]);
    expect(resolve(doc, schemas.InstrumentQuestionDto.properties.type).enum).toEqual([...QUESTION_TYPES]);
    expect(schemas.ParticipationDto.properties.submittedAt).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
    expect(schemas.PeriodWeightsDto.properties.saq).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(schemas.UserDto.properties).not.toHaveProperty('passwordHash');
  });

  it('declares the downloads as binary with their media types', () => {
    const binary = { type: 'string', format: 'binary' };
    expect(doc.paths['/api/v1/evidence/{id}'].get.responses['200'].content['application/pdf'].schema).toEqual(binary);
    expect(doc.paths['/api/v1/participations/{id}/certificate'].get.responses['200'].content['application/pdf'].schema).toEqual(binary);
    expect(doc.paths['/api/v1/periods/{id}/reports/ranking.csv'].get.responses['200'].content['text/csv'].schema).toEqual(binary);
    expect(doc.paths['/api/v1/periods/{id}/reports/ranking.xlsx'].get.responses['200'].content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema).toEqual(
      binary,
    );
  });

  describe('path ids (ParseIdPipe)', () => {
    let periodId: string;
    beforeAll(async () => {
      periodId = (await new Factory(t).period()).id;
    });

    it('answers 404 for a malformed id, also one MySQL would have cast to an existing row', async () => {
      await t.http().get(`${API}/periods/${periodId}`).set(bearer(t.adminToken)).expect(200);
      for (const id of [`${periodId}abc`, `0${periodId}`, 'abc', '1'.repeat(21)]) {
        const res = await t.http().get(`${API}/periods/${id}`).set(bearer(t.adminToken)).expect(404);
        expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: `Period ${id} not found` });
      }
      await t.http().get(`${API}/participations/1x`).set(bearer(t.adminToken)).expect(404);
      await t.http().get(`${API}/rankings/${periodId}.0`).set(bearer(t.adminToken)).expect(404);
    });

    it('keeps 400 naming the field for a malformed id in a body or a query', async () => {
      const res = await t.http().post(`${API}/periods/${periodId}/publish`).set(bearer(t.adminToken)).send({ runId: '1abc' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'runId', message: 'runId must be an id', code: 'FIELD_BAD_FORMAT' }]);
      const enroll = await t
        .http()
        .post(`${API}/periods/${periodId}/participants`)
        .set(bearer(t.adminToken))
        .send({ publicBodyIds: ['x'] })
        .expect(400);
      expect(enroll.body.details).toEqual([{ field: 'publicBodyIds', message: 'each publicBodyIds entry must be an id', code: 'FIELD_BAD_FORMAT' }]);
    });
  });
});
