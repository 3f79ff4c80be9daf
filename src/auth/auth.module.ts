import { createSecretKey } from 'crypto';
import { Global, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { SessionRevocation } from '../users/session-revocation';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard, RolesGuard } from './guards';
import { RateLimitStore, RateLimitStoreModule } from './rate-limit-store';
import { RefreshTokensService } from './refresh-tokens';
import { FailedLoginLimitInterceptor, LOGIN_THROTTLER, PUBLIC_THROTTLER, PublicRateLimit, PublicThrottleGuard, REFRESH_THROTTLER } from './throttle';

@Global()
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [ENV],
      useFactory: (env: EnvironmentVariables) => ({
        // A KeyObject: given a string, jsonwebtoken tries (and fails) createPublicKey(secret) on every verify.
        secret: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')) as unknown as string,
        signOptions: { expiresIn: env.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    RateLimitStoreModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStoreModule],
      inject: [ENV, RateLimitStore],
      useFactory: (env: EnvironmentVariables, storage: RateLimitStore) => ({
        storage,
        throttlers: [
          { name: LOGIN_THROTTLER, ttl: env.LOGIN_RATE_TTL_MS, limit: env.LOGIN_RATE_LIMIT },
          { name: PUBLIC_THROTTLER, ttl: env.PUBLIC_RATE_TTL_MS, limit: env.PUBLIC_RATE_LIMIT },
          { name: REFRESH_THROTTLER, ttl: env.LOGIN_RATE_TTL_MS, limit: env.REFRESH_RATE_LIMIT },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    RefreshTokensService,
    PublicThrottleGuard,
    PublicRateLimit,
    FailedLoginLimitInterceptor,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, RefreshTokensService, PublicThrottleGuard, PublicRateLimit],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly revocation: SessionRevocation,
    private readonly refreshTokens: RefreshTokensService,
  ) {}

  /** A deactivated user's browser sessions end in the same transaction (UsersService.update). */
  onModuleInit(): void {
    this.revocation.register((em, userId) => this.refreshTokens.revokeAllOf(em, userId));
  }
}
