import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { conflict, forbidden, notFound } from '../common/errors';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { inTransaction } from '../database/transaction';
import { CreateOrganizerDto, OrganizerDto, OrganizerListDto } from './dto/organizer.dto';
import { Organizer } from './entities/organizer.entity';
import { OrganizerErrorCode } from './organizers.errors';

@Injectable()
export class OrganizersService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ENV) private readonly env: EnvironmentVariables,
    private readonly audit: AuditService,
  ) {}

  /** The first start creates the deployment's default organizer from the environment. */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureDefault();
  }

  async ensureDefault(): Promise<Organizer> {
    const repo = this.ds.getRepository(Organizer);
    const existing = await repo.findOne({ where: { isDefault: true } });
    if (existing) return existing;
    await this.ds.query(`INSERT IGNORE INTO organizers (slug, name, level, is_default) VALUES (?, ?, ?, 1)`, [
      this.env.DEFAULT_ORGANIZER_SLUG,
      this.env.DEFAULT_ORGANIZER_NAME,
      guessLevel(this.env.DEFAULT_ORGANIZER_NAME),
    ]);
    return repo.findOneOrFail({ where: { slug: this.env.DEFAULT_ORGANIZER_SLUG } });
  }

  async list(): Promise<OrganizerListDto> {
    const rows = await this.ds.getRepository(Organizer).find({ order: { id: 'ASC' } });
    return { items: rows.map(({ slug, name, level, region }) => ({ slug, name, level, region })) };
  }

  async create(actor: AuthUser, dto: CreateOrganizerDto): Promise<OrganizerDto> {
    if (!actor.platformAdmin) throw forbidden(OrganizerErrorCode.PLATFORM_ADMIN_ONLY, 'Only a platform admin may add an organizer');
    return inTransaction(this.ds, async (em) => {
      const repo = em.getRepository(Organizer);
      if (await repo.exists({ where: { slug: dto.slug } })) throw conflict(OrganizerErrorCode.SLUG_TAKEN, `Organizer slug '${dto.slug}' is taken`);
      const saved = await repo.save(repo.create({ slug: dto.slug, name: dto.name, level: dto.level, region: dto.region ?? null }));
      const out = OrganizerDto.of(saved);
      await this.audit.record(em, { organizerId: saved.id, actorId: actor.id, action: 'organizer.create', entityType: 'organizer', entityId: saved.id, after: out });
      return out;
    });
  }

  async namesOf(ids: Iterable<string>): Promise<Map<string, string>> {
    const list = [...new Set(ids)];
    if (!list.length) return new Map();
    const rows: { id: string; name: string }[] = await this.ds.query('SELECT id, name FROM organizers WHERE id IN (?)', [list]);
    return new Map(rows.map((r) => [String(r.id), r.name]));
  }

  /** Name and slug of each organizer (the public ranking's address uses the slug). */
  async identitiesOf(ids: Iterable<string>): Promise<Map<string, { name: string; slug: string }>> {
    const list = [...new Set(ids)];
    if (!list.length) return new Map();
    const rows: { id: string; name: string; slug: string }[] = await this.ds.query('SELECT id, name, slug FROM organizers WHERE id IN (?)', [list]);
    return new Map(rows.map((r) => [String(r.id), { name: r.name, slug: r.slug }]));
  }

  exists(em: EntityManager, id: string): Promise<boolean> {
    return em.getRepository(Organizer).exists({ where: { id } });
  }

  /** Resolves a public `organizer` slug parameter; the default organizer when absent. */
  async bySlugOrDefault(slug?: string): Promise<Organizer> {
    const repo = this.ds.getRepository(Organizer);
    const found = slug ? await repo.findOne({ where: { slug } }) : await repo.findOne({ where: { isDefault: true } });
    if (!found) throw notFound(OrganizerErrorCode.NOT_FOUND, 'Organizer', slug);
    return found;
  }
}

function guessLevel(name: string): Organizer['level'] {
  if (/kabupaten|kota/i.test(name) && !/provinsi/i.test(name)) return 'KABUPATEN_KOTA';
  if (/provinsi/i.test(name)) return 'PROVINSI';
  return 'PUSAT';
}
