import 'reflect-metadata';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { parse as parseDotenv } from 'dotenv';

/** Stands in for JWT_SECRET outside production; never accepted with NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-never-use-in-production';
/** Secrets published in this repository (the example file): refused in production like the default. */
const WELL_KNOWN_JWT_SECRETS = [DEVELOPMENT_JWT_SECRET, 'change-me-to-a-long-random-secret-of-32-chars-or-more', 'please-change-this-secret-in-production-0123456789'];
export const DEVELOPMENT_ADMIN = { email: 'admin@monev.local', password: 'admin-password-123' };

const toBool = ({ value }: { value: unknown }) => (typeof value === 'string' ? ['true', '1', 'yes'].includes(value.trim().toLowerCase()) : value);

/**
 * Every environment variable the service reads. Validated once at boot: a bad or missing value
 * stops the process with a message naming the variable. Defaults work on a developer machine with
 * MySQL/MariaDB (root, empty password) and Redis on localhost.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** The dotenv file read under the real environment (relative to the working directory); `none` reads none. */
  @IsString()
  @IsNotEmpty()
  ENV_FILE = '.env';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty()
  DB_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT = 3306;

  @IsString()
  @IsNotEmpty()
  DB_USER = 'root';

  @IsString()
  DB_PASSWORD = '';

  @IsString()
  @Matches(/^[A-Za-z0-9_]{1,64}$/, { message: 'DB_NAME must be letters, digits or _' })
  DB_NAME = 'monev';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  DB_POOL_SIZE = 20;

  /** Opening a database connection fails after this long (an unreachable or frozen server). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  DB_CONNECT_TIMEOUT_MS = 5000;

  /** An API statement is stopped by the server after this long (0: no limit); queue jobs are not limited. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  DB_STATEMENT_TIMEOUT_MS = 10000;

  @IsString()
  @IsNotEmpty()
  REDIS_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  REDIS_PORT = 6379;

  @IsString()
  REDIS_PASSWORD = '';

  /** Connecting to Redis fails after this long; an enqueue while Redis is down fails at once. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  REDIS_CONNECT_TIMEOUT_MS = 5000;

  @IsString()
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'QUEUE_PREFIX must be letters, digits, :, _ or -' })
  QUEUE_PREFIX = 'monev';

  @Transform(toBool)
  @IsBoolean()
  WORKER_INLINE = true;

  /** HTTP processes sharing the port (Node cluster); 1 serves from this process. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  API_PROCESSES = 1;

  /** On SIGTERM, open connections are drained for at most this long before they are closed. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SHUTDOWN_DRAIN_MS = 10000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 2;

  /** How long a worker holds a job's lock; a killed worker's job is retried once it lapses. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  WORKER_LOCK_MS = 30000;

  @Type(() => Number)
  @IsInt()
  @Min(500)
  WORKER_STALLED_INTERVAL_MS = 30000;

  /** How often a worker checks MySQL's queued and running jobs against Redis and re-enqueues lost ones. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  JOB_RECONCILE_INTERVAL_MS = 15000;

  /** A run or batch whose progress has not moved for this long counts as lost. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  JOB_STALE_AFTER_MS = 600000;

  /** Re-enqueues of one run or batch before it is marked FAILED. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  JOB_RECONCILE_MAX_ATTEMPTS = 5;

  /**
   * HS256 signing secret. Outside production a built-in development secret stands in (and the API
   * says so loudly); with NODE_ENV=production a missing or well-known value refuses to start.
   */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  /** Access-token lifetime; as low as 5 so a test can watch the portal refresh. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(86400)
  JWT_TTL_SECONDS = 900;

  /** A browser session (refresh cookie) not used for this long ends; the portal refreshes while it is open. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(43200)
  SESSION_IDLE_MINUTES = 120;

  /** Any browser session ends this long after its sign-in, used or not. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(8760)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Refreshes per client address per LOGIN_RATE_TTL_MS window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  REFRESH_RATE_LIMIT = 60;

  /**
   * How long a process trusts what it read of a token's user (active, token version) while it hears the
   * other processes' changes over Redis pub/sub (a change through the API reaches every process at
   * once); bounds what a change made behind the API's back (SQL) takes. 0 reads it on every request.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600000)
  AUTH_USER_CACHE_MS = 600000;

  /** The same window while Redis pub/sub is not reachable (changes of other processes go unheard): at most AUTH_USER_CACHE_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60000)
  AUTH_USER_CACHE_UNSHARED_MS = 5000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_TTL_MS = 60000;

  /** Failed logins per client address per LOGIN_RATE_TTL_MS window, whatever the e-mail (password spraying). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILED_PER_ADDRESS_LIMIT = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT = 120;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_TTL_MS = 60000;

  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'DEFAULT_ORGANIZER_SLUG must be lower-case letters, digits and -' })
  DEFAULT_ORGANIZER_SLUG = 'ki-kalteng';

  @IsString()
  @IsNotEmpty()
  DEFAULT_ORGANIZER_NAME = 'Komisi Informasi Provinsi Kalimantan Tengah';

  /** The first platform admin, created at setup; outside production it defaults to the development admin. */
  @IsOptional()
  @IsString()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  @IsString()
  @IsNotEmpty()
  STORAGE_DIR = './storage';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  EVIDENCE_MAX_BYTES = 2097152;

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Who signs the certificates unless the period says otherwise. */
  @IsString()
  @IsNotEmpty()
  CERT_SIGNATORY_NAME = 'Ketua Komisi Informasi';

  @IsString()
  @IsNotEmpty()
  CERT_SIGNATORY_TITLE = 'Ketua';

  @IsString()
  @IsNotEmpty()
  CERT_PLACE = 'Palangka Raya';

  /** PDF rendering threads per worker process; 0 means one per CPU core. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(64)
  CERT_RENDER_THREADS = 0;

  /** The SMTP server of outgoing mail; unset, every message is written as an .eml file to MAIL_DIR instead. */
  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** The sender of every message: an address, or `Name <address>`. */
  @Matches(/^(?:[^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/, { message: 'SMTP_FROM must be an e-mail address or "Name <address>"' })
  SMTP_FROM = 'Monev KIP <no-reply@monev.local>';

  /** TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when the server offers it. */
  @Transform(toBool)
  @IsBoolean()
  SMTP_SECURE = false;

  /** Refuse to send unless the server upgrades with STARTTLS. */
  @Transform(toBool)
  @IsBoolean()
  SMTP_REQUIRE_TLS = false;

  /** Check the server's certificate (false only for a test server with a self-signed one). */
  @Transform(toBool)
  @IsBoolean()
  SMTP_TLS_REJECT_UNAUTHORIZED = true;

  /** Where messages are written as .eml files when no SMTP_HOST is set. */
  @IsString()
  @IsNotEmpty()
  MAIL_DIR = './mail-outbox';

  /** Sending attempts of one message (exponential backoff from MAIL_RETRY_DELAY_MS) before it is FAILED. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  MAIL_ATTEMPTS = 6;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  MAIL_RETRY_DELAY_MS = 30000;

  /** How often the notices' repeatable job looks for due reminders and undelivered notices. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  NOTICE_TICK_MS = 60000;

  /** How long an invitation's activation link stays valid. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ACTIVATION_LINK_TTL_HOURS = 168;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RESET_LINK_TTL_MINUTES = 60;

  /** Password-reset requests per e-mail and per address in PASSWORD_RESET_RATE_TTL_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PASSWORD_RESET_RATE_LIMIT = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  PASSWORD_RESET_RATE_TTL_MS = 3600000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

export class InvalidEnvironmentError extends Error {}

type RawEnv = Record<string, string | undefined>;

/** The names the schema knows: the only variables an entry point reads. */
export const KNOWN_VARIABLES: ReadonlySet<string> = new Set(
  Object.keys(new EnvironmentVariables()).concat(['JWT_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'SMTP_HOST', 'SMTP_USER', 'SMTP_PASSWORD']),
);

/** Validates an environment (the merged sources, or a test's copy) and returns it typed. */
export function validateEnv(raw: RawEnv): EnvironmentVariables {
  const present = Object.fromEntries(Object.entries(raw).filter(([k, v]) => KNOWN_VARIABLES.has(k) && v !== undefined && v !== ''));
  // DB_PASSWORD and REDIS_PASSWORD may legitimately be empty.
  for (const k of ['DB_PASSWORD', 'REDIS_PASSWORD']) if (raw[k] !== undefined) present[k] = raw[k];
  const env = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (env.NODE_ENV === 'production' && WELL_KNOWN_JWT_SECRETS.includes(env.JWT_SECRET)) {
    lines.push(
      `  JWT_SECRET: ${present.JWT_SECRET ? 'is a value published with this code' : 'is not set'}; with NODE_ENV=production set it to a random secret of at least 32 characters (for example: openssl rand -base64 48)`,
    );
  }
  if (env.SMTP_USER && !env.SMTP_PASSWORD) lines.push('  SMTP_PASSWORD: is required when SMTP_USER is set');
  if (env.SMTP_REQUIRE_TLS && env.SMTP_SECURE) lines.push('  SMTP_REQUIRE_TLS: STARTTLS applies only with SMTP_SECURE=false (SMTP_SECURE=true is TLS already)');
  if (lines.length) throw new InvalidEnvironmentError(`Invalid environment configuration:\n${lines.join('\n')}`);
  if (env.NODE_ENV === 'development' && !present.ADMIN_EMAIL && !present.ADMIN_PASSWORD) {
    env.ADMIN_EMAIL = DEVELOPMENT_ADMIN.email;
    env.ADMIN_PASSWORD = DEVELOPMENT_ADMIN.password;
  }
  return env;
}

export interface EnvSources {
  /** The real environment (process.env by default). */
  environment?: RawEnv;
  /** Where relative ENV_FILE paths resolve (the working directory by default). */
  cwd?: string;
}

/**
 * The one way every entry point (API, worker, CLI, seeds, demo, benches, migrations) reads its
 * configuration: the schema's defaults, then the dotenv file (ENV_FILE, `.env` by default), then the
 * real environment, validated as a whole. Only variables the schema knows are read; an unknown name
 * in the dotenv file is refused (a typo there would otherwise be silently ignored).
 */
export function loadEnv(sources: EnvSources = {}): EnvironmentVariables {
  const environment = sources.environment ?? process.env;
  const known = Object.fromEntries(Object.entries(environment).filter(([k]) => KNOWN_VARIABLES.has(k)));
  const file = known.ENV_FILE || '.env';
  let fromFile: Record<string, string> = {};
  if (file !== 'none') {
    const full = path.resolve(sources.cwd ?? process.cwd(), file);
    if (existsSync(full)) {
      fromFile = parseDotenv(readFileSync(full));
      const unknown = Object.keys(fromFile).filter((k) => !KNOWN_VARIABLES.has(k));
      if (unknown.length) {
        throw new InvalidEnvironmentError(
          `Invalid environment configuration:\n${unknown.map((k) => `  ${k} (in ${full}): not a variable this service knows (see .env.example)`).join('\n')}`,
        );
      }
    } else if (known.ENV_FILE && known.ENV_FILE !== '.env') {
      throw new InvalidEnvironmentError(`Invalid environment configuration:\n  ENV_FILE: ${full} does not exist`);
    }
  }
  return validateEnv({ ...fromFile, ...known });
}

/** The validated configuration as variables again, for a child process (which loads it the same way). */
export function toEnvironment(env: EnvironmentVariables): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}

/** What a non-production process says loudly at start: which development stand-ins it runs with. */
export function developmentWarnings(env: EnvironmentVariables): string[] {
  if (env.NODE_ENV === 'production') return [];
  const standIns = [
    env.JWT_SECRET === DEVELOPMENT_JWT_SECRET ? 'the built-in JWT_SECRET' : null,
    env.ADMIN_PASSWORD === DEVELOPMENT_ADMIN.password ? `the admin ${env.ADMIN_EMAIL} / ${DEVELOPMENT_ADMIN.password}` : null,
  ].filter(Boolean);
  return [
    `NODE_ENV=${env.NODE_ENV}: this instance is for development only${standIns.length ? `, running with ${standIns.join(' and ')}` : ''}.`,
    'For a real deployment set NODE_ENV=production and a random JWT_SECRET (see .env.example).',
  ];
}

/**
 * For entry points: loads the environment, or prints what is wrong in a few lines and exits 1
 * (never a stack trace for a configuration mistake).
 */
export function loadEnvOrExit(sources?: EnvSources): EnvironmentVariables {
  try {
    return loadEnv(sources);
  } catch (e) {
    if (e instanceof InvalidEnvironmentError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
