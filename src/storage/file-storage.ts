import { randomBytes } from 'crypto';
import { createReadStream } from 'fs';
import { mkdir, rename, stat, writeFile } from 'fs/promises';
import * as path from 'path';
import { Readable } from 'stream';

/** Where evidence PDFs and certificates live. Keys are made by the service, never from client input. */
export abstract class FileStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  abstract read(key: string): Promise<Readable>;

  /** A local file path for `key` when this storage is a local disk (a render thread can write it directly). */
  localPath(_key: string): string | null {
    return null;
  }
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]*(\.[a-z0-9]+)?$/;

/** Local disk under STORAGE_DIR: writes go to a temporary name and are renamed, so a reader never sees half a file. */
export class LocalDiskStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  localPath(key: string): string {
    return this.pathOf(key);
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, target);
  }

  async read(key: string): Promise<Readable> {
    const p = this.pathOf(key);
    await stat(p);
    return createReadStream(p);
  }
}
