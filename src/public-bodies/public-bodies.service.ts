import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { badRequest, conflict, notFound } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { pageOf, skipTake } from '../common/pagination';
import { fieldErrorOf } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { CategoryDto, CreateCategoryDto, CreatePublicBodyDto, PublicBodyDto, PublicBodyQuery } from './dto/registry.dto';
import { Category } from './entities/category.entity';
import { PublicBody } from './entities/public-body.entity';
import { PublicBodyErrorCode } from './public-bodies.errors';

const CSV_COLUMNS = ['name', 'categoryCode', 'region', 'website', 'email'];
const nameKey = (categoryId: string, name: string) => `${categoryId}|${name.toLowerCase()}`;

export interface ImportResult {
  created: number;
  errors: ImportLineError[];
}

/** Why one CSV line was not imported: the field at fault and a stable code (a field code, or the module's own). */
export interface ImportLineError {
  line: number;
  field: string;
  code: string;
  message: string;
}

@Injectable()
export class PublicBodiesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createCategory(actor: AuthUser, dto: CreateCategoryDto): Promise<CategoryDto> {
    return inTransaction(this.ds, async (em) => {
      const repo = em.getRepository(Category);
      if (await repo.exists({ where: { organizerId: actor.organizerId, code: dto.code } }))
        throw conflict(PublicBodyErrorCode.CATEGORY_EXISTS, `Category ${dto.code} already exists`);
      const saved = await repo.save(repo.create({ organizerId: actor.organizerId, code: dto.code, name: dto.name }));
      const out = CategoryDto.of(saved);
      await this.audit.record(em, { organizerId: actor.organizerId, actorId: actor.id, action: 'category.create', entityType: 'category', entityId: saved.id, after: out });
      return out;
    });
  }

  async listCategories(actor: AuthUser) {
    const rows = await this.ds.getRepository(Category).find({ where: { organizerId: actor.organizerId }, order: { code: 'ASC' } });
    return { items: rows.map(CategoryDto.of), total: rows.length, page: 1, pageSize: rows.length };
  }

  /** The organizer's categories by code; used by every module that accepts category codes. */
  async categoriesByCode(organizerId: string, em: EntityManager = this.ds.manager): Promise<Map<string, Category>> {
    const rows = await em.getRepository(Category).find({ where: { organizerId } });
    return new Map(rows.map((c) => [c.code, c]));
  }

  async createBody(actor: AuthUser, dto: CreatePublicBodyDto): Promise<PublicBodyDto> {
    return inTransaction(this.ds, async (em) => {
      const category = (await this.categoriesByCode(actor.organizerId, em)).get(dto.categoryCode);
      if (!category)
        throw badRequest(PublicBodyErrorCode.UNKNOWN_CATEGORY, `Unknown category ${dto.categoryCode}`, [
          { field: 'categoryCode', message: `unknown category ${dto.categoryCode}`, code: FieldErrorCode.UNKNOWN_REFERENCE },
        ]);
      const repo = em.getRepository(PublicBody);
      if (await repo.exists({ where: { organizerId: actor.organizerId, categoryId: category.id, name: dto.name } })) {
        throw conflict(PublicBodyErrorCode.NAME_TAKEN, `A public body named '${dto.name}' already exists in ${category.code}`);
      }
      const saved = await repo.save(
        repo.create({
          organizerId: actor.organizerId,
          categoryId: category.id,
          name: dto.name,
          region: dto.region ?? null,
          website: dto.website ?? null,
          email: dto.email ?? null,
        }),
      );
      const out = PublicBodyDto.of(saved, category);
      await this.audit.record(em, { organizerId: actor.organizerId, actorId: actor.id, action: 'public_body.create', entityType: 'public_body', entityId: saved.id, after: out });
      return out;
    });
  }

  async listBodies(actor: AuthUser, q: PublicBodyQuery) {
    const qb = this.ds.getRepository(PublicBody).createQueryBuilder('b').innerJoinAndSelect('b.category', 'c').where('b.organizerId = :org', { org: actor.organizerId });
    if (q.categoryCode) qb.andWhere('c.code = :code', { code: q.categoryCode });
    if (q.q) {
      const words = q.q.trim().split(/\s+/).slice(0, 8);
      qb.andWhere(new Brackets((w) => words.forEach((word, i) => w.andWhere(`b.name LIKE :w${i}`, { [`w${i}`]: `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%` }))));
    }
    const { skip, take } = skipTake(q);
    const [rows, total] = await qb.orderBy('c.code').addOrderBy('b.name').skip(skip).take(take).getManyAndCount();
    return pageOf(
      rows.map((b) => PublicBodyDto.of(b, b.category!)),
      total,
      q,
    );
  }

  async getBody(organizerId: string, id: string): Promise<PublicBodyDto> {
    const b = await this.ds.getRepository(PublicBody).findOne({ where: { id, organizerId }, relations: { category: true } });
    if (!b) throw notFound(PublicBodyErrorCode.NOT_FOUND, 'Public body', id);
    return PublicBodyDto.of(b, b.category!);
  }

  /**
   * Imports `name,categoryCode,region,website,email` lines. Every line is checked on its own; the good
   * ones are created together and each bad one is reported with its line number, so a bad line never
   * blocks the good ones.
   */
  async importCsv(actor: AuthUser, csv: string): Promise<ImportResult> {
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as never;
    } catch (e) {
      throw badRequest(PublicBodyErrorCode.CSV_UNREADABLE, `The CSV could not be read: ${(e as Error).message}`, [
        { field: 'file', message: (e as Error).message, code: FieldErrorCode.INVALID },
      ]);
    }
    const header = Object.keys(records[0]?.record ?? {});
    const missing = CSV_COLUMNS.filter((c) => c !== 'region' && c !== 'website' && c !== 'email' && records.length && !header.includes(c));
    if (missing.length)
      throw badRequest(PublicBodyErrorCode.CSV_BAD_HEADER, `The CSV header must be ${CSV_COLUMNS.join(',')}`, [
        { field: 'file', message: `missing column(s) ${missing.join(', ')}`, code: FieldErrorCode.BAD_FORMAT },
      ]);

    return inTransaction(this.ds, async (em) => {
      const categories = await this.categoriesByCode(actor.organizerId, em);
      const existing = await em.getRepository(PublicBody).find({ where: { organizerId: actor.organizerId }, select: { categoryId: true, name: true } });
      const taken = new Set(existing.map((b) => nameKey(b.categoryId, b.name)));
      const errors: ImportResult['errors'] = [];
      const good: { dto: CreatePublicBodyDto; category: Category }[] = [];
      for (const { record, info } of records) {
        const line = info.lines;
        const plain = Object.fromEntries(CSV_COLUMNS.filter((c) => record[c] !== undefined && record[c] !== '').map((c) => [c, record[c]]));
        const dto = plainToInstance(CreatePublicBodyDto, plain);
        // An absent column reads as required, whatever constraint class-validator happened to list first.
        const problems = validateSync(dto).flatMap((e) =>
          Object.entries(e.constraints ?? {}).map(([constraint, message]) =>
            e.value === undefined ? { field: e.property, code: FieldErrorCode.REQUIRED, message } : fieldErrorOf(e.property, constraint, message),
          ),
        );
        if (problems.length) {
          errors.push({ line, field: problems[0].field, code: problems[0].code, message: problems.map((p) => p.message).join('; ') });
          continue;
        }
        const category = categories.get(dto.categoryCode);
        if (!category) {
          errors.push({ line, field: 'categoryCode', code: PublicBodyErrorCode.UNKNOWN_CATEGORY, message: `unknown category ${dto.categoryCode}` });
          continue;
        }
        const key = nameKey(category.id, dto.name);
        if (taken.has(key)) {
          errors.push({ line, field: 'name', code: PublicBodyErrorCode.NAME_TAKEN, message: `duplicate: '${dto.name}' already exists in ${dto.categoryCode}` });
          continue;
        }
        taken.add(key);
        good.push({ dto, category });
      }
      if (good.length) {
        const result = await em.getRepository(PublicBody).insert(
          good.map(({ dto, category }) => ({
            organizerId: actor.organizerId,
            categoryId: category.id,
            name: dto.name,
            region: dto.region ?? null,
            website: dto.website ?? null,
            email: dto.email ?? null,
          })),
        );
        await this.audit.recordMany(
          em,
          good.map(({ dto }, i) => ({
            organizerId: actor.organizerId,
            actorId: actor.id,
            action: 'public_body.import',
            entityType: 'public_body',
            entityId: String(result.identifiers[i]?.id ?? ''),
            after: { ...dto },
          })),
        );
      }
      return { created: good.length, errors };
    });
  }
}
