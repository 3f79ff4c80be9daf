import * as path from 'path';
import { Global, Module } from '@nestjs/common';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { FileStorage, LocalDiskStorage } from './file-storage';

@Global()
@Module({
  providers: [{ provide: FileStorage, inject: [ENV], useFactory: (env: EnvironmentVariables) => new LocalDiskStorage(path.resolve(env.STORAGE_DIR)) }],
  exports: [FileStorage],
})
export class StorageModule {}
