/**
 * The indexer's cache of parts (--cache): a part whose articles and indexer are unchanged is copied, not
 * indexed again, and what it writes is byte for byte what a run without the cache writes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexerFingerprint } from '../../src/search-indexer/parts.ts';
import { writeIndexInput } from '../../src/markdown.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';
import { temporaryArchive } from '../helpers/archive.ts';
import { readTree } from '../helpers/file-tree.ts';
import { scratchDir } from '../helpers/scratch.ts';

const dir = scratchDir('index-reuse');
const archive = temporaryArchive(dir, { from: [] });
const content = archive.dir;
const cache = join(dir, 'cache');

const article = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\ncolumn: 时政要闻\n---\n本报讯 ${title}，会议强调安全生产。\n`;
const write = (file: string, text: string) => archive.write(file, text);

/** Runs the indexer on the archive as its source hands it over (what the articles loader writes in a build). */
async function index(out: string, { useCache = true, env = {} }: { useCache?: boolean; env?: Record<string, string> } = {}) {
  const source = join(dir, 'source');
  rmSync(source, { recursive: true, force: true });
  await writeIndexInput(content, source, { columns: ZHONGYUAN.newsroom.columns, now: new Date('2025-06-30T00:00:00Z') });
  const args = ['src/search-indexer/indexer.ts', '--source', source, '--out', out, ...(useCache ? ['--cache', cache] : [])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim().split('\n').pop()!;
}

/** Every file under `root`, by path, as bytes (hex), to compare two outputs. */
const files = (root: string) => readTree(root, 'hex');

describe('the indexer’s cache of parts', { timeout: 120_000 }, () => {
  write('2023/05/a.md', article('二〇二三年的会议', '2023-05-06'));
  write('2024/05/b.md', article('二〇二四年的会议', '2024-05-06'));
  write('2025/05/c.md', article('二〇二五年的会议', '2025-05-06'));

  it('reuses every part when nothing changed, and writes the same bytes', async () => {
    expect(await index(join(dir, 'first'))).toContain('(0 reused from the cache)');
    expect(await index(join(dir, 'second'))).toContain('(3 reused from the cache)');
    expect(files(join(dir, 'second'))).toEqual(files(join(dir, 'first')));
  });

  it('indexes again only the period of a new or edited article, and equals a run without the cache', async () => {
    write('2024/06/d.md', article('新加的二〇二四年报道', '2024-06-01'));
    expect(await index(join(dir, 'warm'))).toContain('(2 reused from the cache)');
    await index(join(dir, 'cold'), { useCache: false });
    expect(files(join(dir, 'warm'))).toEqual(files(join(dir, 'cold')));
    // The cache holds this build's three parts only, each with its words for the lexicon: the old 2024 part is gone.
    const entries = readdirSync(cache).sort();
    expect(entries.filter((entry) => !entry.endsWith('.words.json')).map((entry) => entry.split('-')[0])).toEqual(['2023', '2024', '2025']);
    expect(entries.filter((entry) => entry.endsWith('.words.json'))).toEqual(entries.filter((entry) => !entry.endsWith('.words.json')).map((entry) => `${entry}.words.json`));
  });

  it('reuses nothing when a setting of the index changes', async () => {
    expect(await index(join(dir, 'chunks'), { env: { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '500' } })).toContain('(0 reused from the cache)');
  });
});

describe('the indexer’s fingerprint', () => {
  it('changes with the code that makes records, the lock file and the settings', async () => {
    const root = join(dir, 'project');
    const files = ['src/lib/search/build/records.ts', 'src/lib/article/text.ts', 'src/markdown.ts', 'src/search-indexer/indexer.ts', 'package-lock.json'];
    for (const file of files) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), `// ${file}\n`);
    }
    const settings = { chunkSize: '2000' };
    const before = indexerFingerprint(root, settings);
    expect(indexerFingerprint(root, settings)).toBe(before);
    writeFileSync(join(root, 'src/lib/article/text.ts'), '// the text is taken another way\n');
    const afterCode = indexerFingerprint(root, settings);
    expect(afterCode).not.toBe(before);
    writeFileSync(join(root, 'package-lock.json'), '{"pagefind": "1.7.0"}\n');
    expect(indexerFingerprint(root, settings)).not.toBe(afterCode);
    expect(indexerFingerprint(root, { chunkSize: '500' })).not.toBe(indexerFingerprint(root, settings));
  });
});
