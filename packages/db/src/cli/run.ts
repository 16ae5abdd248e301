import { DatabaseStartupError, MigrationError } from '../errors.ts';
import { ExportError } from '../export/errors.ts';

/** Runs a CLI's main: an operator's problem is one line and exit code 1, never a stack trace. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (error instanceof DatabaseStartupError || error instanceof MigrationError || error instanceof ExportError) {
        console.error(`samarkiv: ${error.message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}

export function argValue(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  if (index >= 0) return args[index + 1];
  const inline = args.find((arg) => arg.startsWith(`${flag}=`));
  return inline?.slice(flag.length + 1);
}
