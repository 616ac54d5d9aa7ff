import { mkdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { randomBytes } from 'node:crypto';
import { HttpError } from '../../core/http';

/** Cloud paths map to files under `<dataDir>/storage/`; anything escaping that folder is refused. */
export class FileStore {
  constructor(private readonly root: string) {}

  async write(cloudPath: string, content: Buffer): Promise<void> {
    const target = this.fileOf(cloudPath);
    await mkdir(dirname(target), { recursive: true });
    // Write then rename, so a reader never sees half an upload.
    const partial = `${target}.${randomBytes(4).toString('hex')}.part`;
    await writeFile(partial, content);
    await rename(partial, target);
  }

  async read(cloudPath: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.fileOf(cloudPath));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async exists(cloudPath: string): Promise<boolean> {
    try {
      return (await stat(this.fileOf(cloudPath))).isFile();
    } catch {
      return false;
    }
  }

  async remove(cloudPath: string): Promise<boolean> {
    if (!(await this.exists(cloudPath))) return false;
    await rm(this.fileOf(cloudPath));
    return true;
  }

  async wipe(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
    await mkdir(this.root, { recursive: true });
  }

  private fileOf(cloudPath: string): string {
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw new HttpError(400, 'INVALID_PARAM', `文件路径无效：${problem}`);
    return join(this.root, ...posix.normalize(cloudPath).split('/'));
  }
}

/**
 * Why a cloud path cannot name a file here, or null: empty, NUL/control characters, backslashes and
 * `.`/`..` segments are refused outright (never normalised away), so no path can leave the storage folder.
 */
export function cloudPathProblem(cloudPath: string): string | null {
  if (cloudPath === '') return '路径为空';
  if (/[\u0000-\u001f\u007f]/.test(cloudPath)) return '含有控制字符';
  if (cloudPath.includes('\\')) return '含有反斜杠';
  if (cloudPath.split('/').some((segment) => segment === '..' || segment === '.')) return '含有 . 或 .. 路径段';
  return null;
}
