/**
 * Preloaded into every process of a build (NODE_OPTIONS=--import) by tests/build/one-source.test.ts: appends a
 * line to MARKDOWN_PARSE_LOG for each Markdown (or any unified) parse, with the file parsed when it has one.
 * unified is one package in this project, so its processors share this prototype in every process.
 */
import { appendFileSync } from 'node:fs';
import { unified } from 'unified';

const log = process.env.MARKDOWN_PARSE_LOG;
if (log) {
  const prototype = Object.getPrototypeOf(unified()) as { parse: (file?: unknown) => unknown };
  const parse = prototype.parse;
  prototype.parse = function (this: unknown, file?: unknown) {
    const path = file && typeof file === 'object' && 'path' in file ? String((file as { path?: unknown }).path ?? '') : '';
    appendFileSync(log, `${process.pid}\t${path}\n`);
    return parse.call(this, file);
  };
}
