import * as argon2 from 'argon2';

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4). */
export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, { type: argon2.argon2id });

export const verifyPassword = async (hash: string, plain: string): Promise<boolean> => {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
};

/** Verified against when the e-mail is unknown, so both failures take the same time. */
export const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$QXLUUB7+Pzd7LXwzPNoujQ$DEsvi13g7WGrzx63bdLzC/i1X6hf88SzzKi7pJepIQI';
