// Where a benchmark writes its report. npm runs a workspace's script in the workspace's
// own directory (bench/) and passes the directory the command was typed in as
// INIT_CWD: a relative `--out bench/results/…` typed at the repository's root is read
// from there, not as bench/bench/results/….
import { resolve } from 'node:path';

export function outputPath(out: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), out);
}
