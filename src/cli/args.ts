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

/** A coded refusal (`AppError`) as the command prints it, fields named by their option; exit code 2. */
export function refuse(
  io: CliOutput,
  json: boolean,
  error: { code: string; message: string; fields: { field: string; code: string; message: string }[] },
  optionOfField: Record<string, string>,
): number {
  const fields = error.fields.map((f) => ({
    option: optionOfField[f.field] ?? f.field,
    code: f.code,
    message: f.message,
  }));
  if (json) io.out(`${JSON.stringify({ error: { code: error.code, message: error.message, fields } })}\n`);
  else io.err(`Erreur : ${error.message}\n${fields.map((f) => `  ${f.option} : ${f.message}\n`).join('')}`);
  return 2;
}

/** Options the command cannot do without, missing: refused like a coded error, nothing written. */
export function refuseMissing(io: CliOutput, json: boolean, options: readonly string[]): number {
  const fields = options.map((o) => ({
    field: o,
    code: 'validation.required',
    message: 'Cette option est obligatoire.',
  }));
  const error = { code: 'validation.failed', message: 'Il manque des options obligatoires.', fields };
  return refuse(io, json, error, Object.fromEntries(options.map((o) => [o, `--${o}`])));
}
