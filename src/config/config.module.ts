import { DynamicModule, Global, Module } from '@nestjs/common';
import { EnvironmentVariables, validateEnv } from './env';

/** Injection token for the validated environment; inject as `@Inject(ENV) env: EnvironmentVariables`. */
export const ENV = Symbol('ENV');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(raw: Record<string, string | undefined>): DynamicModule {
    const env = validateEnv(raw);
    return { module: ConfigModule, providers: [{ provide: ENV, useValue: env }], exports: [ENV] };
  }
}

export type { EnvironmentVariables };
