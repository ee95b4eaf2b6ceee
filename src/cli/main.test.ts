import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, type SharedDatabase, sharedDatabase } from '../db/faults.helpers.ts';
import { createDelegation } from '../test/app.ts';

let shared: SharedDatabase;

beforeAll(async () => {
  shared = await sharedDatabase();
  const database = await shared.open();
  await createDelegation(database, 'cli-pipe');
  await database.close();
});
afterAll(async () => shared?.drop());

/** Runs `maillage …args | slow reader` in bash: a real pipe whose reader starts late. */
function throughPipe(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const command = `node --import tsx src/cli/main.ts ${args.map((a) => `'${a}'`).join(' ')} | (sleep 1; cat)`;
  const child = spawn('bash', ['-o', 'pipefail', '-c', command], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      AUTH_SECRET: 'a'.repeat(64),
      BASE_URL: 'http://127.0.0.1:3000',
      ...shared.env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the maillage command on a pipe', () => {
  it('prints all of a large --json answer before it exits (more than the 64 KiB a pipe holds)', async () => {
    // 2,000 refused rows: about 450 KiB of problems in JSON.
    const lines = ['Nom;SIRET;Code postal;Type'];
    for (let i = 0; i < 2000; i++) lines.push(`Structure ${i};12345678901234;31000;AI`);
    const file = join(shared.dir, 'gros.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const run = await throughPipe([
      'import',
      'members',
      file,
      '--dry-run',
      '--json',
      '--delegation',
      'cli-pipe',
    ]);
    expect(run.stdout.length).toBeGreaterThan(64 * 1024);
    const body = JSON.parse(run.stdout);
    expect(body.rows).toBe(2000);
    expect(body.problems).toHaveLength(2000);
    // Refused rows: exit code 1, kept through the pipe (pipefail).
    expect(run.code, run.stderr).toBe(1);
  }, 60_000);
});
