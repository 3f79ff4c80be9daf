import { DynamicModule, Module, Type, Global } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CertificatesModule } from './certificates/certificates.module';
import { CLOCK, SystemClock } from './common/clock';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { assignRequestId, logsRequests } from './common/request-context';
import { ConfigModule, ENV, EnvironmentVariables } from './config/config.module';
import { guardConnections } from './database/connection-guard';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { InstrumentsModule } from './instruments/instruments.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganizersModule } from './organizers/organizers.module';
import { PanelModule } from './panel/panel.module';
import { PeriodsModule } from './periods/periods.module';
import { PublicBodiesModule } from './public-bodies/public-bodies.module';
import { RankingsModule } from './rankings/rankings.module';
import { ReportsModule } from './reports/reports.module';
import { SaqModule } from './saq/saq.module';
import { StorageModule } from './storage/storage.module';
import { UsersModule } from './users/users.module';
import { VerificationModule } from './verification/verification.module';
import { WorkersModule } from './workers.module';

export interface AppOptions {
  /** The validated environment (`loadEnv()` in the entry points, `validateEnv` of a copy in tests). */
  env: EnvironmentVariables;
  /** Register the BullMQ processors in this process. */
  workers: boolean;
  /** Register HTTP controllers (false for the worker process). */
  http: boolean;
}

@Global()
@Module({ providers: [{ provide: CLOCK, useClass: SystemClock }], exports: [CLOCK] })
class ClockModule {}

/** The feature modules; the same list serves the API and the worker. */
export const FEATURE_MODULES: Type[] = [
  OrganizersModule,
  UsersModule,
  AuthModule,
  AuditModule,
  JobsModule,
  StorageModule,
  PublicBodiesModule,
  PeriodsModule,
  InstrumentsModule,
  SaqModule,
  VerificationModule,
  PanelModule,
  RankingsModule,
  CertificatesModule,
  ReportsModule,
  NotificationsModule,
];

@Module({})
export class AppModule {
  static forRoot(opts: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(opts.env),
        ClockModule,
        LoggerModule.forRootAsync({
          inject: [ENV],
          useFactory: (env: EnvironmentVariables) => ({
            pinoHttp: {
              level: env.LOG_LEVEL,
              genReqId: assignRequestId,
              // Requests are logged by id, method, path and address only: no headers (tokens) or bodies
              // (passwords) to leak, and pino serializes these bindings eagerly on every request.
              serializers: {
                req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                  remoteAddress: req.remoteAddress,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              redact: { paths: ['*.password', '*.passwordHash', '*.accessToken'], censor: '[redacted]' },
              autoLogging: logsRequests(env),
            },
          }),
        }),
        TypeOrmModule.forRootAsync({
          inject: [ENV],
          useFactory: (env: EnvironmentVariables) => ({ ...dataSourceOptions(env), entities: [], autoLoadEntities: true }),
          // The API's statements are time-limited (jobs and the worker process are not).
          dataSourceFactory: async (options) => {
            const ds = await new DataSource(options!).initialize();
            return opts.http ? guardConnections(ds, { statementTimeoutMs: opts.env.DB_STATEMENT_TIMEOUT_MS }) : ds;
          },
        }),
        ...FEATURE_MODULES,
        ...(opts.http ? [HealthModule] : []),
        ...(opts.workers ? [WorkersModule] : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
