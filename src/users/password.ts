import * as argon2 from 'argon2';

/**
 * argon2id with OWASP's recommended minimum (m=19 MiB, t=2, p=1): about 30 ms a verify on one core,
 * so a deadline-day wave of PPID logins stays affordable while offline guessing stays expensive.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, OPTIONS);

export const verifyPassword = async (hash: string, plain: string): Promise<boolean> => {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
};

/** Verified against when the e-mail is unknown, so both failures take the same time. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$Vb12nOsxJEH17h/Oyiuu9w$gSTcoD4fVAiwbj4TvchxqvzNaCMX0zDiSSliijYSNy8';
