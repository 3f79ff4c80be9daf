import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type SessionRevoker = (em: EntityManager, userId: string) => Promise<void>;

/**
 * Ends a user's sessions inside the caller's transaction when the account is deactivated. The
 * sessions live in auth, which depends on users; auth registers its revoker here at start
 * (AuthModule), so users never imports auth.
 */
@Injectable()
export class SessionRevocation {
  private readonly revokers: SessionRevoker[] = [];

  register(revoker: SessionRevoker): void {
    this.revokers.push(revoker);
  }

  async revokeAll(em: EntityManager, userId: string): Promise<void> {
    for (const revoke of this.revokers) await revoke(em, userId);
  }
}
