/**
 * `npm run test:reproducible`: builds the site twice from the same commit, each from an empty output and
 * content cache as CI does, and compares every file of the two outputs byte for byte. Exits non-zero and
 * names the files that differ.
 *
 * Nothing records when or where it was built: the only input besides the commit is the build time (now,
 * or BUILD_TIME), which selects what is published (embargoed articles) and what the Google News sitemap
 * lists (the two days before it); it is not written anywhere. So the two builds here run without
 * BUILD_TIME, seconds apart, and must be identical. The search index is written in two parts
 * (SEARCH_PAGES_PER_PART=2) so that the parallel part writing is compared too.
 *
 * The two builds run as two different machines would: a newsroom computer (Chinese default locale, China
 * time) and an overseas or CI machine (American English, New York time), set with LANG/LC_ALL and TZ, which
 * Node's ICU follows (checked below before building). Whatever depends on the machine's locale or time zone
 * (localeCompare, a default Intl.Collator or DateTimeFormat, toLocaleString, Date#getHours and the other
 * local-time getters) then makes the two outputs differ. To give collation something to show, the archive
 * built is a temporary copy of the test newsroom's articles (tests/fixtures/sites/zhongyuan) plus tests/fixtures/same-instant: articles published in the
 * same minute whose ids sort one way by code points, another in pinyin (zh-CN) and another in ICU's root
 * order (en-US).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../../src/build/build-site.ts';
import { siteEnv, ZHONGYUAN } from '../fixtures/sites.ts';
import { temporaryArchive } from '../helpers/archive.ts';
import { readTree } from '../helpers/file-tree.ts';

/** Two machines: each build's default locale and time zone, and what Intl must report for them. */
const MACHINES = [
  { name: 'first', locale: 'zh_CN.UTF-8', timeZone: 'Asia/Shanghai', expected: { locale: 'zh-CN', timeZone: 'Asia/Shanghai' } },
  { name: 'second', locale: 'en_US.UTF-8', timeZone: 'America/New_York', expected: { locale: 'en-US', timeZone: 'America/New_York' } },
] as const;
type Machine = (typeof MACHINES)[number];

/** The environment of this process, as if on `machine`: its locale and time zone, and no BUILD_TIME. */
function machineEnv(machine: Machine): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'BUILD_TIME' && name !== 'TZ' && name !== 'LANG' && name !== 'LANGUAGE' && !name.startsWith('LC_')),
  );
  return { ...env, LANG: machine.locale, LC_ALL: machine.locale, TZ: machine.timeZone };
}

/** Fails unless Node really takes its default locale and time zone from the variables (else the check is blind). */
function checkMachine(machine: Machine): void {
  const result = spawnSync(process.execPath, ['-p', 'JSON.stringify(Intl.DateTimeFormat().resolvedOptions())'], {
    env: machineEnv(machine),
    encoding: 'utf8',
  });
  const { locale, timeZone } = JSON.parse(result.stdout || '{}') as { locale?: string; timeZone?: string };
  if (locale !== machine.expected.locale || timeZone !== machine.expected.timeZone) {
    throw new Error(
      `with LANG=LC_ALL=${machine.locale} TZ=${machine.timeZone}, Node reports locale ${locale} and time zone ${timeZone}, ` +
        `not ${machine.expected.locale} and ${machine.expected.timeZone}: this check could not see machine-dependent output\n${result.stderr}`,
    );
  }
}

async function build(dir: string, contentDir: string, machine: Machine): Promise<string> {
  const outDir = join(dir, 'dist');
  const result = await buildSite({
    env: {
      ...machineEnv(machine),
      ...siteEnv(ZHONGYUAN, contentDir),
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(dir, 'cache'),
      SEARCH_PAGES_PER_PART: process.env.SEARCH_PAGES_PER_PART ?? '2',
    },
  });
  if (!result.ok) throw new Error(`the build in ${dir} failed:\n${result.output}`);
  return outDir;
}

/** Every file of a build's output by path, as its SHA-256. */
const fingerprints = (root: string) => new Map(Object.entries(readTree(root, (bytes) => createHash('sha256').update(bytes).digest('hex'))));

const work = mkdtempSync(join(tmpdir(), 'news-reproducible-'));
try {
  for (const machine of MACHINES) checkMachine(machine);
  const contentDir = temporaryArchive(work, { from: [ZHONGYUAN.articles, 'tests/fixtures/same-instant'] }).dir;

  const outputs: Map<string, string>[] = [];
  for (const machine of MACHINES) {
    console.log(`building as the ${machine.name} machine: LANG=LC_ALL=${machine.locale} TZ=${machine.timeZone}`);
    outputs.push(fingerprints(await build(join(work, machine.name), contentDir, machine)));
  }
  const [first, second] = outputs as [Map<string, string>, Map<string, string>];
  const paths = [...new Set([...first.keys(), ...second.keys()])].sort();
  const differing = paths.filter((path) => first.get(path) !== second.get(path));
  for (const path of differing) {
    const why = !first.has(path) ? 'only in the second build' : !second.has(path) ? 'only in the first build' : 'contents differ';
    console.log(`  ${path}: ${why}`);
  }
  console.log(`${differing.length ? '✗' : '✓'} two builds of the same commit on two machines: ${paths.length} files, ${differing.length} differ`);
  if (differing.length) {
    console.log('  The output depends on the build machine: look for locale or time-zone defaults and unsorted directory listings.');
  }
  process.exitCode = differing.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
