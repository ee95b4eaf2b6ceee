import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirBusy extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory (a CLI
 * command while the server runs) would corrupt it. The first to open it leaves its pid
 * here; a lock left by a dead process (kill -9, crash) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'maillage.lock');
  let holder: number | null = null;
  try {
    holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
  } catch {}
  if (holder && holder !== process.pid && alive(holder)) {
    throw new DataDirBusy(
      `La base embarquée ${dir} est déjà ouverte par le processus ${holder} (un serveur Maillage ?). Arrêtez-le avant de relancer cette commande, ou utilisez DATABASE_URL.`,
    );
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
