import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEVELOPMENT_ADMIN, DEVELOPMENT_JWT_SECRET, developmentWarnings, InvalidEnvironmentError, loadEnv, toEnvironment, validateEnv } from './env';

describe('loadEnv: defaults, then .env, then the real environment', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'monev-env-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const dotenv = (text: string) => writeFileSync(path.join(dir, '.env'), text);
  const load = (environment: Record<string, string> = {}) => loadEnv({ environment, cwd: dir });

  it('gives the schema defaults with no .env and an empty environment', () => {
    const env = load();
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      DB_HOST: '127.0.0.1',
      DB_PORT: 3306,
      DB_USER: 'root',
      DB_PASSWORD: '',
      DB_NAME: 'monev',
      REDIS_PORT: 6379,
      WORKER_INLINE: true,
    });
    expect(env.JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
    expect(env.ADMIN_EMAIL).toBe(DEVELOPMENT_ADMIN.email);
  });

  it('takes .env over the defaults', () => {
    dotenv('DB_USER=monev\nDB_PORT=3307\nWORKER_INLINE=false\n');
    expect(load()).toMatchObject({ DB_USER: 'monev', DB_PORT: 3307, WORKER_INLINE: false });
  });

  it('takes the real environment over .env, and ignores variables the schema does not know', () => {
    dotenv('DB_USER=monev\nDB_PORT=3307\n');
    const env = load({ DB_PORT: '3308', PATH: '/usr/bin', HOSTNAME: 'x' });
    expect(env).toMatchObject({ DB_USER: 'monev', DB_PORT: 3308 });
    expect(toEnvironment(env)).not.toHaveProperty('PATH');
    expect(toEnvironment(env)).not.toHaveProperty('HOSTNAME');
  });

  it('lets an empty DB_PASSWORD in the real environment override a password in .env', () => {
    dotenv('DB_PASSWORD=secret\n');
    expect(load({ DB_PASSWORD: '' }).DB_PASSWORD).toBe('');
    expect(load().DB_PASSWORD).toBe('secret');
  });

  it('refuses an invalid value, naming the variable', () => {
    dotenv('LOG_LEVEL=loud\n');
    expect(() => load()).toThrow(InvalidEnvironmentError);
    expect(() => load()).toThrow(/LOG_LEVEL/);
    expect(() => load({ LOG_LEVEL: 'info', NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('refuses a name in .env that the schema does not know (a typo is never silently ignored)', () => {
    dotenv('DB_HOTS=db.internal\n');
    expect(() => load()).toThrow(/DB_HOTS .*not a variable this service knows/);
  });

  it('reads the file ENV_FILE names, none with ENV_FILE=none, and refuses a named file that is missing', () => {
    writeFileSync(path.join(dir, 'other.env'), 'DB_NAME=monev_other\n');
    dotenv('DB_NAME=monev_dotenv\n');
    expect(load({ ENV_FILE: 'other.env' }).DB_NAME).toBe('monev_other');
    expect(load({ ENV_FILE: 'none' }).DB_NAME).toBe('monev');
    expect(() => load({ ENV_FILE: 'missing.env' })).toThrow(/ENV_FILE: .*missing\.env does not exist/);
  });

  it('outside production, runs with the development secret and says so', () => {
    const env = load();
    expect(developmentWarnings(env).join(' ')).toMatch(/development only.*built-in JWT_SECRET/);
    expect(developmentWarnings(load({ NODE_ENV: 'production', JWT_SECRET: 'a-real-random-secret-of-more-than-32-chars' }))).toEqual([]);
  });

  it('with NODE_ENV=production, refuses a missing or published JWT_SECRET, and has no default admin', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is not set/);
    expect(() => load({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(/JWT_SECRET: is a value published/);
    dotenv('JWT_SECRET=change-me-to-a-long-random-secret-of-32-chars-or-more\n');
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is a value published/);
    const env = load({ NODE_ENV: 'production', JWT_SECRET: 'a-real-random-secret-of-more-than-32-chars' });
    expect(env.ADMIN_EMAIL).toBeUndefined();
  });

  it('validates a copy the same way (the tests and the demo pass one)', () => {
    expect(() => validateEnv({ JWT_SECRET: 'short', DB_PORT: 'abc' })).toThrow(/JWT_SECRET[\s\S]*DB_PORT|DB_PORT[\s\S]*JWT_SECRET/);
  });
});
