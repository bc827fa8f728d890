#!/usr/bin/env node
/**
 * The `cowrite` command: `cowrite serve …`, `cowrite copy …` and `cowrite worker …`.
 * Arguments are parsed with node:util's parseArgs (no dependency; strict: an unknown
 * flag is an error, not silently ignored).
 */
import { CowriteError } from '@cowrite/core';
import { runCopy } from './copy-command.ts';
import { runServe } from './serve-command.ts';
import { runWorker } from './worker-command.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `Usage:
  cowrite serve --model DIR [--model DIR …] [--port 8080] [--host 127.0.0.1] [--dtype q8|fp32] [--backend native|wasm]
                [--max-tokens 512] [--max-in-flight 8] [--max-body-bytes 1048576] [--log-prompts]
                (API key: set COWRITE_API_KEY to require "Authorization: Bearer <key>")
  cowrite copy  --catalog products.csv|.jsonl --task description|marketing|story --out out.jsonl
                (--model DIR [--dtype q8|fp32] [--backend native|wasm] | --base-url URL --remote-model NAME)
                [--kind headline|tagline|socialPost] [--limit N] [--quiet]
                [--queue redis://127.0.0.1:6379]   (enqueue for workers instead of generating here)
  cowrite worker --queue redis://127.0.0.1:6379 --model DIR [--dtype q8|fp32] [--backend native|wasm] [--threads 1]
                [--concurrency 1] [--lock-ms 30000]
  cowrite help`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'serve') return runServe(rest);
  if (command === 'copy') return runCopy(rest);
  if (command === 'worker') return runWorker(rest);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      process.stderr.write(`cowrite: ${(error as Error).message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (error instanceof CowriteError) {
      process.stderr.write(`cowrite: ${error.message} (${error.code})\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`cowrite: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
