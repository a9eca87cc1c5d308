// One server process per embedded-database directory. PGlite does not lock its data
// directory, and two processes writing the same files corrupt them, so a second
// start on a directory in use fails with a clear message instead.
import { linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'support-tickets.lock';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `the data directory ${dataDir} is in use by another server process (pid ${holderPid}); ` +
        'stop it, or start this one with a different DATA_DIR',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if this process still holds it. Idempotent. */
  release(): void;
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means "in use".
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE_NAME);
  // The pid is written to a private file first and then hard-linked into place:
  // link() is atomic and fails if the lock exists, so no reader sees an empty lock.
  const staging = `${path}.${process.pid}`;
  writeFileSync(staging, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(staging, path);
        return holdLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(path);
      // A pid equal to ours is a previous life of this process (pid 1 in a restarted
      // container); a dead pid is a server that was killed before releasing.
      if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
        throw new DataDirInUseError(dataDir, holder);
      }
      rmSync(path, { force: true });
    }
    const holder = readHolder(path);
    throw new DataDirInUseError(dataDir, holder ?? 0);
  } finally {
    rmSync(staging, { force: true });
  }
}

function holdLock(path: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readHolder(path) !== process.pid) return;
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
  // A crash or process.exit() anywhere still frees the directory for the next start.
  process.on('exit', release);
  return { path, release };
}
