import { INestApplicationContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import { AuthUser } from '../src/common/auth-user';
import { Clock, CLOCK } from '../src/common/clock';
import { InstrumentDto } from '../src/instruments/dto/instrument.dto';
import { InstrumentsService } from '../src/instruments/instruments.service';
import { Organizer } from '../src/organizers/entities/organizer.entity';
import { CreatePeriodDto } from '../src/periods/dto/period.dto';
import { Period } from '../src/periods/entities/period.entity';
import { PeriodsService } from '../src/periods/periods.service';
import { PublicBodiesService } from '../src/public-bodies/public-bodies.service';
import { ParticipantsService } from '../src/saq/participants.service';
import { User } from '../src/users/entities/user.entity';
import { UsersService } from '../src/users/users.service';
import { CATEGORIES, INSTRUMENT, ORGANIZER, PPID_PASSWORD, PUBLIC_BODIES, STAFF, STAFF_PASSWORD } from './data';

const DAY = 24 * 3600 * 1000;

export interface SeedResult {
  organizerId: string;
  /** the admin the seed acted as (log in with it) */
  adminEmail: string;
  periodId: string;
  year: number;
  created: { categories: number; bodies: number; users: number; period: boolean };
}

/** Stage windows from `start`: SAQ 30 days, then verification, objection, visitation, presentation. */
export function kaltengSchedule(start: Date) {
  const at = (d: number) => new Date(start.getTime() + d * DAY).toISOString();
  return {
    SAQ: { opensAt: at(0), closesAt: at(30) },
    VERIFICATION: { opensAt: at(30), closesAt: at(45) },
    OBJECTION: { opensAt: at(45), closesAt: at(52) },
    VISITATION: { opensAt: at(52), closesAt: at(60) },
    PRESENTATION: { opensAt: at(60), closesAt: at(67) },
  };
}

/**
 * Builds (idempotently) the Komisi Informasi Provinsi Kalimantan Tengah monev of the clock's year
 * through the services: 8 categories, 65 bodies each with a PPID account, 6 assessors and
 * 4 panelists, the six-aspect instrument, every body enrolled. Leaves the period in PREPARATION.
 */
export async function seedKalteng(
  app: INestApplicationContext,
  /** `ppidAccounts: false` leaves the PPIDs to be invited by e-mail (the demo does). */
  opts: { adminPassword: string; year?: number; bodyLimit?: number; ppidAccounts?: boolean },
): Promise<SeedResult> {
  const ds = app.get(DataSource);
  const clock = app.get<Clock>(CLOCK);
  const users = app.get(UsersService);
  const registry = app.get(PublicBodiesService);
  const created = { categories: 0, bodies: 0, users: 0, period: false };

  let organizer = await ds.getRepository(Organizer).findOne({ where: { slug: ORGANIZER.slug } });
  if (!organizer) organizer = await ds.getRepository(Organizer).save({ ...ORGANIZER, isDefault: false });
  const adminEmail = `admin.monev@${ORGANIZER.slug}.go.id`;
  let admin = await ds.getRepository(User).findOne({ where: { organizerId: organizer.id, role: 'admin' }, order: { id: 'ASC' } });
  if (!admin) {
    await users.ensurePlatformAdmin(organizer.id, adminEmail, opts.adminPassword, 'Sekretariat Monev KI Kalteng');
    admin = await ds.getRepository(User).findOneByOrFail({ email: adminEmail });
  }
  const actor: AuthUser = { id: admin.id, organizerId: organizer.id, role: 'admin', publicBodyId: null, platformAdmin: admin.platformAdmin };

  const existingCategories = await registry.categoriesByCode(organizer.id);
  for (const c of CATEGORIES) {
    if (existingCategories.has(c.code)) continue;
    await registry.createCategory(actor, c);
    created.categories++;
  }
  const seedBodies = selectBodies(opts.bodyLimit);
  const csv = ['name,categoryCode,region,website,email', ...seedBodies.map((b) => [b.name, b.categoryCode, b.region, b.website ?? '', b.email].map(csvCell).join(','))].join('\n');
  created.bodies = (await registry.importCsv(actor, csv)).created;

  const bodies: { id: string; name: string; category_code: string }[] = await ds.query(
    `SELECT b.id, b.name, c.code AS category_code FROM public_bodies b JOIN categories c ON c.id = b.category_id WHERE b.organizer_id = ?`,
    [organizer.id],
  );
  const bodyId = new Map(bodies.map((b) => [`${b.category_code}|${b.name}`, String(b.id)]));
  const emails = new Set((await ds.getRepository(User).find({ select: { email: true } })).map((u) => u.email));
  for (const b of opts.ppidAccounts === false ? [] : seedBodies) {
    if (emails.has(b.email)) continue;
    await users.create(actor, { email: b.email, name: b.ppidName, role: 'public_body', password: PPID_PASSWORD, publicBodyId: bodyId.get(`${b.categoryCode}|${b.name}`) });
    created.users++;
  }
  for (const s of STAFF) {
    if (emails.has(s.email)) continue;
    await users.create(actor, { email: s.email, name: s.name, role: s.role, password: STAFF_PASSWORD, affiliation: s.affiliation });
    created.users++;
  }

  const year = opts.year ?? clock.now().getUTCFullYear();
  let period = await ds.getRepository(Period).findOne({ where: { organizerId: organizer.id, year } });
  if (!period) {
    const dto = plainToInstance(CreatePeriodDto, {
      year,
      name: `Monitoring dan Evaluasi Keterbukaan Informasi Publik Provinsi Kalimantan Tengah ${year}`,
      timezone: 'Asia/Jakarta',
      weights: { saq: 60, visitation: 10, presentation: 30 },
      finalistRule: { type: 'TOP_N', value: 3 },
      presentationRubric: [
        { code: 'KOMITMEN', title: 'Komitmen pimpinan terhadap keterbukaan informasi', weight: 30 },
        { code: 'INOVASI', title: 'Inovasi dan digitalisasi layanan informasi', weight: 30 },
        { code: 'PELAYANAN', title: 'Kualitas pelayanan informasi publik', weight: 25 },
        { code: 'TANYA_JAWAB', title: 'Penguasaan materi dan tanya jawab', weight: 15 },
      ],
      schedule: kaltengSchedule(clock.now()),
    });
    const p = await app.get(PeriodsService).create(actor, dto);
    await app.get(InstrumentsService).replace(actor, p.id, plainToInstance(InstrumentDto, INSTRUMENT));
    await app.get(ParticipantsService).enroll(actor, p.id, { categoryCodes: CATEGORIES.map((c) => c.code) });
    period = await ds.getRepository(Period).findOneByOrFail({ id: p.id });
    created.period = true;
  }
  return { organizerId: organizer.id, adminEmail: admin.email, periodId: period.id, year, created };
}

/** All bodies, or `limit` of them taken round-robin over the categories (a smaller demo keeps every category). */
export function selectBodies(limit?: number) {
  if (!limit || limit >= PUBLIC_BODIES.length) return PUBLIC_BODIES;
  const byCategory = CATEGORIES.map((c) => PUBLIC_BODIES.filter((b) => b.categoryCode === c.code));
  const out = [];
  for (let i = 0; out.length < limit; i++) for (const list of byCategory) if (list[i] && out.length < limit) out.push(list[i]);
  return out;
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
