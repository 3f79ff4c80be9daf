import { DynamicModule, Global, Module } from '@nestjs/common';
import { EnvironmentVariables } from './env';

/** Injection token for the validated environment; inject as `@Inject(ENV) env: EnvironmentVariables`. */
export const ENV = Symbol('ENV');

@Global()
@Module({})
export class ConfigModule {
  /** The environment as `loadEnv` / `validateEnv` returned it: validated once, before the app is built. */
  static forRoot(env: EnvironmentVariables): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: ENV, useValue: env }], exports: [ENV] };
  }
}

export type { EnvironmentVariables };
