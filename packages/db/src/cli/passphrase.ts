import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExportError } from '../export/errors.ts';
import { argValue } from './run.ts';

/** A path as the operator typed it: pnpm runs the script in packages/db, INIT_CWD is where they were. */
export function fromCaller(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/**
 * The export passphrase: SAMARKIV_EXPORT_PASSPHRASE, else the first line of --passphrase-file,
 * else asked on the terminal (twice when it is chosen, so a typo does not lock the file).
 * Never a command-line argument: those show in the process list and the shell history.
 */
export async function passphraseFrom(args: string[], options: { confirm: boolean }): Promise<string> {
  const fromEnv = process.env.SAMARKIV_EXPORT_PASSPHRASE;
  if (fromEnv) return fromEnv;
  const file = argValue(args, '--passphrase-file');
  if (file) {
    const text = readFileSync(fromCaller(file), 'utf8').split(/\r?\n/)[0] ?? '';
    if (!text) throw new ExportError('EXPORT_PASSPHRASE_REQUIRED', `The passphrase file ${file} is empty.`);
    return text;
  }
  if (!process.stdin.isTTY) {
    throw new ExportError('EXPORT_PASSPHRASE_REQUIRED', 'A passphrase is needed: set SAMARKIV_EXPORT_PASSPHRASE or give --passphrase-file FILE (there is no terminal to ask on).');
  }
  const first = await ask('Passphrase: ');
  if (!first) throw new ExportError('EXPORT_PASSPHRASE_REQUIRED', 'The passphrase may not be empty.');
  if (options.confirm && (await ask('Passphrase again: ')) !== first) throw new ExportError('EXPORT_PASSPHRASE_REQUIRED', 'The two passphrases differ.');
  return first;
}

/** Reads one line from the terminal without echoing it. */
function ask(question: string): Promise<string> {
  return new Promise((resolveAnswer, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let answer = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolveAnswer(answer);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new ExportError('EXPORT_PASSPHRASE_REQUIRED', 'Cancelled.'));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    stdin.on('data', onData);
  });
}
