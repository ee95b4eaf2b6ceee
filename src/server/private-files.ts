/**
 * Files that hold secrets are readable by their owner only, whatever the umask: backups
 * (password hashes, sessions, invitation tokens), the development mail outbox (live
 * invitation links), the generated session secret and the embedded database. Each is
 * created 0600 in a folder created 0700; a folder of Maillage's own (DATA_DIR and what
 * it holds) found open to others is closed, a folder the operator chose (where a backup
 * goes) is left as it is and reported.
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export type Warn = (text: string) => void;

const stderrWarn: Warn = (text) => process.stderr.write(`${text}\n`);
const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');
// A shared folder such as /tmp (sticky bit, world-writable) must never be closed to its other users.
const STICKY = 0o1000;

/** chmod 0700, false when the file system refuses (read-only, another owner's volume). */
function closes(dir: string): boolean {
  try {
    chmodSync(dir, PRIVATE_DIR_MODE);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates `dir` and its missing parents 0700. When it already exists and group or others
 * may enter it: `fix` closes it to 0700 (a folder Maillage owns), otherwise the looser
 * mode is only reported. Returns the warning written, if any.
 */
export function ensurePrivateDir(
  dir: string,
  options: { fix: boolean; warn?: Warn } = { fix: true },
): string | null {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const { mode, uid } = statSync(dir);
  if ((mode & 0o077) === 0) return null;
  const ours = typeof process.getuid !== 'function' || uid === process.getuid() || process.getuid() === 0;
  let text: string;
  if (options.fix && ours && (mode & STICKY) === 0 && closes(dir)) {
    text = `Le dossier ${dir} était ouvert à d'autres utilisateurs (droits ${octal(mode)}) : droits ramenés à 0700.`;
  } else {
    text =
      `Attention : le dossier ${dir} est ouvert à d'autres utilisateurs (droits ${octal(mode)}). ` +
      `Le fichier écrit reste lisible par vous seul (0600), mais préférez un dossier en 0700 (chmod 700 ${dir}).`;
  }
  (options.warn ?? stderrWarn)(text);
  return text;
}

/**
 * Creates `path` 0600 and opens it for writing. A file already there (a temporary file
 * left by a crash) is removed first: opening an existing file keeps its mode, and
 * creating exclusively never follows a link someone else placed there.
 */
export async function createPrivateFile(path: string): Promise<FileHandle> {
  await rm(path, { force: true });
  return open(path, 'wx', PRIVATE_FILE_MODE);
}
