import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['true', '1', 'yes'].includes(value.trim().toLowerCase()) : value;

/**
 * Every environment variable the service reads. Validated once at boot: a bad or missing value
 * stops the process with a message naming the variable. Defaults work on a developer machine with
 * MySQL/MariaDB (root, empty password) and Redis on localhost.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString() @IsNotEmpty()
  DB_HOST = '127.0.0.1';

  @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  DB_PORT = 3306;

  @IsString() @IsNotEmpty()
  DB_USER = 'root';

  @IsString()
  DB_PASSWORD = '';

  @IsString() @Matches(/^[A-Za-z0-9_]{1,64}$/, { message: 'DB_NAME must be letters, digits or _' })
  DB_NAME = 'monev';

  @Type(() => Number) @IsInt() @Min(1) @Max(500)
  DB_POOL_SIZE = 20;

  @IsString() @IsNotEmpty()
  REDIS_HOST = '127.0.0.1';

  @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  REDIS_PORT = 6379;

  @IsString()
  REDIS_PASSWORD = '';

  @IsString() @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'QUEUE_PREFIX must be letters, digits, :, _ or -' })
  QUEUE_PREFIX = 'monev';

  @Transform(toBool) @IsBoolean()
  WORKER_INLINE = true;

  /** HTTP processes sharing the port (Node cluster); 1 serves from this process. */
  @Type(() => Number) @IsInt() @Min(1) @Max(64)
  API_PROCESSES = 1;

  @Type(() => Number) @IsInt() @Min(1) @Max(64)
  WORKER_CONCURRENCY = 2;

  /** How long a worker holds a job's lock; a killed worker's job is retried once it lapses. */
  @Type(() => Number) @IsInt() @Min(1000)
  WORKER_LOCK_MS = 30000;

  @Type(() => Number) @IsInt() @Min(500)
  WORKER_STALLED_INTERVAL_MS = 30000;

  /** How often a worker checks MySQL's queued and running jobs against Redis and re-enqueues lost ones. */
  @Type(() => Number) @IsInt() @Min(100)
  JOB_RECONCILE_INTERVAL_MS = 15000;

  /** A run or batch whose progress has not moved for this long counts as lost. */
  @Type(() => Number) @IsInt() @Min(1000)
  JOB_STALE_AFTER_MS = 600000;

  /** Re-enqueues of one run or batch before it is marked FAILED. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  JOB_RECONCILE_MAX_ATTEMPTS = 5;

  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Type(() => Number) @IsInt() @Min(60) @Max(86400)
  JWT_TTL_SECONDS = 900;

  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_RATE_TTL_MS = 60000;

  @Type(() => Number) @IsInt() @Min(1)
  PUBLIC_RATE_LIMIT = 120;

  @Type(() => Number) @IsInt() @Min(1)
  PUBLIC_RATE_TTL_MS = 60000;

  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  @IsString() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'DEFAULT_ORGANIZER_SLUG must be lower-case letters, digits and -' })
  DEFAULT_ORGANIZER_SLUG = 'ki-kalteng';

  @IsString() @IsNotEmpty()
  DEFAULT_ORGANIZER_NAME = 'Komisi Informasi Provinsi Kalimantan Tengah';

  @IsOptional() @IsString()
  ADMIN_EMAIL?: string;

  @IsOptional() @IsString()
  ADMIN_PASSWORD?: string;

  @IsString() @IsNotEmpty()
  STORAGE_DIR = './storage';

  @Type(() => Number) @IsInt() @Min(1024)
  EVIDENCE_MAX_BYTES = 2097152;

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Who signs the certificates unless the period says otherwise. */
  @IsString() @IsNotEmpty()
  CERT_SIGNATORY_NAME = 'Ketua Komisi Informasi';

  @IsString() @IsNotEmpty()
  CERT_SIGNATORY_TITLE = 'Ketua';

  @IsString() @IsNotEmpty()
  CERT_PLACE = 'Palangka Raya';

  /** PDF rendering threads per worker process; 0 means one per CPU core. */
  @Type(() => Number) @IsInt() @Min(0) @Max(64)
  CERT_RENDER_THREADS = 0;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

export class InvalidEnvironmentError extends Error {}

/** Validates an environment (process.env or a test's copy) and returns it typed. */
export function validateEnv(raw: Record<string, string | undefined>): EnvironmentVariables {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  // DB_PASSWORD and REDIS_PASSWORD may legitimately be empty.
  for (const k of ['DB_PASSWORD', 'REDIS_PASSWORD']) if (raw[k] !== undefined) present[k] = raw[k];
  const env = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new InvalidEnvironmentError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return env;
}
