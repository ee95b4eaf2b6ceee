/** What the commands write to: standard output and standard error, or a test's buffers. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The command's arguments, read by its own parser; null once the parser's refusal and
 * the command's usage are written to standard error (the command then exits with 2).
 */
export function argsOrUsage<T>(
  parse: (argv: string[]) => T,
  argv: string[],
  usage: string,
  io: CliOutput,
): T | null {
  try {
    return parse(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return null;
  }
}
