import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'index-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the texts the loader hands the indexer', () => {
  it('are written a few at a time: 3,000 of them under an open-file limit of 200 (a cold build of 50,000 met EMFILE)', () => {
    const module = pathToFileURL(join(import.meta.dirname, '../../src/lib/archive/index-input.ts')).href;
    const script = `
      const { indexedTextWriter } = await import(${JSON.stringify(module)});
      const writer = indexedTextWriter(${JSON.stringify(dir)});
      for (let i = 0; i < 3000; i++) writer.write(i.toString(16).padStart(64, '0'), { article: { title: 't' + i, date: new Date(0) }, lines: ['正文'] }, '<p>正文</p>');
      await writer.done();
    `;
    const run = spawnSync('bash', ['-c', `ulimit -n 200 && exec "${process.execPath}" --input-type=module -e "$SCRIPT"`], { env: { ...process.env, SCRIPT: script }, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EMFILE/);
    expect(run.status, run.stderr).toBe(0);
    const written = readdirSync(join(dir, 'texts'), { recursive: true }).filter((name) => String(name).endsWith('.json'));
    expect(written).toHaveLength(3000);
    expect(readdirSync(join(dir, 'bodies'), { recursive: true }).filter((name) => String(name).endsWith('.html'))).toHaveLength(3000);
  });
});
