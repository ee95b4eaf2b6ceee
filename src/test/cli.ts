/** What a command of `npx maillage` writes to: the tests hand it one that keeps the text. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Runs a command's function with its output kept: the exit code, each stream as one text,
 * and both streams' pieces in the order they were written.
 */
export async function captureCli(run: (io: CliIo) => Promise<number>) {
  const out: string[] = [];
  const err: string[] = [];
  const output: string[] = [];
  const keep = (stream: string[]) => (text: string) => {
    stream.push(text);
    output.push(text);
  };
  const code = await run({ out: keep(out), err: keep(err) });
  return { code, stdout: out.join(''), stderr: err.join(''), output };
}
