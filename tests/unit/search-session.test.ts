/**
 * The search session's rules, without a browser: which forms of a query are tried and in what order, which tier
 * a result is in, when the search stops, and what the status line says — over a fake index (Pagefind's part:
 * candidates and phrase matches) and the real lexicon code (lib/search/build/lexicon.ts, built with jieba from the
 * fake articles, read from memory).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { commonHanCharacters, tonelessReadings } from '../../src/lib/search/build/pinyin-readings.ts';
import { LexiconReader } from '../../src/lib/search/browser/lexicon-reader.ts';
import { articleLexiconWords, buildLexicon, countWords, lexiconWords, type WordCounts } from '../../src/lib/search/build/lexicon.ts';
import type { SearchPartEntry, SearchPartsManifest } from '../../src/lib/search/parts-manifest.ts';
import { PartLoadError, type Candidate, type CandidatePage, type SearchFilters } from '../../src/lib/search/browser/plan.ts';
import { SearchSession, type SessionIndex, type SessionView } from '../../src/lib/search/browser/session.ts';
import type { SearchState } from '../../src/lib/search/browser/url-state.ts';

interface FakeArticle {
  url: string;
  title: string;
  content: string;
  date: string;
  tags?: string[];
}

const jieba = Jieba.withDict(dict);
const cutter = { cut: (text: string) => jieba.cut(text, true), cutForSearch: (text: string) => jieba.cutForSearch(text, true) };

const part = (year: number, pages: number): SearchPartEntry => ({ name: `${year}-hash`, path: `parts/${year}/`, from: `${year}-01-01`, to: `${year}-12-31`, pages, reporters: [], openingFiles: [] });

/**
 * An index of articles by year. A search offers every article that has any character of the query (Pagefind
 * offers more than match, the session checks), newest first by date or in the order given; a phrase search
 * ("…") only those that have it as written, unless told to miss some.
 */
class FakeIndex implements SessionIndex {
  readonly manifest: SearchPartsManifest;
  readonly lexicon: LexiconReader;
  readonly queries: string[] = [];
  readonly loaded: string[] = [];
  readonly lexiconFiles: string[] = [];
  /** Articles the phrase search does not find though they have the text (it matches whole index words). */
  readonly phraseMisses = new Set<string>();
  /** Articles a search for a query does not offer (Pagefind's prefix match stops at its chunk's end). */
  readonly missedFor = new Map<string, Set<string>>();
  failing = new Set<string>();
  outdated = false;
  hasFailures = false;
  /** Holds the lexicon's files back until released. */
  lexiconGate: Promise<void> = Promise.resolve();

  constructor(private readonly byYear: Record<number, FakeArticle[]>) {
    const years = Object.keys(byYear).map(Number).sort((a, b) => b - a);
    const all = Object.values(byYear).flat();
    const counts: WordCounts = { words: new Map(), pairs: new Map() };
    for (const article of all) countWords(counts, articleLexiconWords({ byline: [], tags: article.tags }, [article.title, ...article.content.split('\n')], cutter));
    const { files, manifest } = buildLexicon(lexiconWords(counts), all.length, tonelessReadings, commonHanCharacters());
    this.manifest = {
      firstStepPages: byYear[years[0]!]!.length,
      parts: years.map((year) => ({ ...part(year, byYear[year]!.length), path: year === years[0] ? '' : `parts/${year}/` })),
      lexicon: { ...manifest, path: 'lexicon/', version: 'test' },
    };
    this.lexicon = new LexiconReader(this.manifest.lexicon, async (file) => {
      await this.lexiconGate;
      this.lexiconFiles.push(file);
      return JSON.parse(files.get(file)!) as unknown;
    });
  }

  async isOutdated(): Promise<boolean> {
    return this.outdated;
  }

  async search(parts: readonly SearchPartEntry[], query: string | null, { filters, byDate, days }: { filters: SearchFilters; byDate: boolean; days?: readonly string[] }): Promise<Candidate[]> {
    this.queries.push(query ?? `days:${days?.join(',')}`);
    const failing = parts.filter((p) => this.failing.has(p.name));
    if (failing.length) throw new PartLoadError(failing);
    let articles = parts.flatMap((p) => this.byYear[Number(p.name.slice(0, 4))] ?? []);
    if (filters.year) articles = articles.filter((article) => article.date.startsWith(filters.year!));
    if (query === null) articles = articles.filter((article) => days?.includes(article.date));
    else if (/^".*"$/.test(query)) {
      const phrase = query.slice(1, -1);
      articles = articles.filter((article) => `${article.title} ${article.content}`.includes(phrase) && !this.phraseMisses.has(article.url));
    } else {
      const chars = [...query.replace(/\s/g, '')];
      articles = articles.filter((article) => chars.some((char) => `${article.title}${article.content}`.includes(char)));
    }
    if (query !== null) articles = articles.filter((article) => !this.missedFor.get(query)?.has(article.url));
    if (byDate) articles = [...articles].sort((a, b) => (a.date < b.date ? 1 : -1));
    return articles.map((article, index) => ({
      id: article.url,
      score: articles.length - index,
      data: async (): Promise<CandidatePage> => {
        this.loaded.push(article.url);
        return { url: article.url, content: `${article.title}\n${article.content}`, meta: { title: article.title, date: article.date } };
      },
    }));
  }

  async likelyMatches(parts: readonly SearchPartEntry[], terms: readonly string[], { filters }: { filters: SearchFilters }): Promise<ReadonlySet<string>> {
    let likely: Set<string> | undefined;
    for (const term of terms) {
      const found = new Set((await this.search(parts, `"${term}"`, { filters, byDate: false })).map((candidate) => candidate.id));
      likely = likely ? new Set([...likely].filter((id) => found.has(id))) : found;
    }
    return likely ?? new Set();
  }
}

const article = (url: string, date: string, title: string, content: string, tags?: string[]): FakeArticle => ({ url, title, content, date, tags });

const ARCHIVE = {
  2024: [
    article('/safety/', '2024-05-05', '中原区领导调研安全生产工作', '5月5日上午，区委书记李晓雷到星光机械厂调研安全生产工作，要求企业严格落实安全生产责任制。', ['安全生产']),
    article('/review/', '2024-05-06', '中原区举行重大项目建设观摩会议', '5月6日，区委书记李晓雷带队观摩企业项目。区领导马素华、薛晓军等参加。'),
    article('/conference/', '2024-05-06', '中原区召开三化改造大会', '近日，中原区召开加快工业企业“三化改造”大会，区长邓英文出席并讲话。'),
  ],
  2023: [
    article('/gas/', '2023-11-02', '燃气安全检查', '区应急管理局开展燃气安全检查，走访企业五十余家。安全生产无小事。'),
    article('/census/', '2023-06-01', '人口普查工作会议', '全区人口普查工作会议召开。'),
  ],
} satisfies Record<number, FakeArticle[]>;

/** Runs a session to its first screen; returns the last view and every view it reported. */
async function run(query: string, options: { index?: FakeIndex; state?: Partial<SearchState>; simplified?: (text: string) => string } = {}) {
  const index = options.index ?? new FakeIndex(ARCHIVE);
  const views: SessionView[] = [];
  const converted: string[] = [];
  const services = {
    open: async () => index,
    reopen: async () => ((index.hasFailures = false), index),
    toSimplified: async (text: string) => (converted.push(text), (options.simplified ?? ((t: string) => t))(text)),
  };
  const state: SearchState = { query, filters: {}, sort: 'relevance', ...options.state };
  const session = new SearchSession(state, services, (view) => views.push({ ...view }));
  await session.start();
  const last = views.at(-1)!;
  const tiers = () =>
    (last.search?.groups ?? []).map((group) => ({
      exact: group.matches.map((match) => match.page.url),
      words: group.wordMatches.map((match) => match.page.url),
    }));
  return { session, index, views, last, converted, tiers };
}

describe('a query as typed', () => {
  it('finds the articles that contain it, in the first tier, and says how many', async () => {
    const { last, tiers } = await run('李晓雷');
    expect(tiers()[0]!.exact.sort()).toEqual(['/review/', '/safety/']);
    expect(last.status).toBe('已查找2024年的报道，找到 2 篇包含“李晓雷”的报道。2023年的报道还没有查找。');
  });

  it('asks for a fragment completed to the archive’s words that begin with it, which Pagefind may not offer for the fragment', async () => {
    const index = new FakeIndex({
      2024: [article('/a/', '2024-01-01', '会议', '记者 唐善普 通讯员 白博文/图', ['白博文']), article('/b/', '2024-01-02', '会议', '通讯员 白博文')],
    });
    index.missedFor.set('白博', new Set(['/b/']));
    const { last, index: used } = await run('白博', { index, state: { asTyped: true } });
    expect(used.queries).toContain('白博文');
    expect(last.search!.matches.map((match) => match.page.url).sort()).toEqual(['/a/', '/b/']);
  });

  it('keeps a quoted phrase whole: no second tier', async () => {
    const { last } = await run('“安全生产调研”');
    expect(last.search!.tierWords).toBeUndefined();
    expect(last.search!.matchCount).toBe(0);
  });
});

describe('the second tier: every word of the query, anywhere', () => {
  it('lists the articles that have every word when none has the query as typed, and says which words', async () => {
    const { last, tiers } = await run('安全生产调研');
    expect(tiers()[0]).toEqual({ exact: [], words: ['/safety/'] });
    expect(last.search!.tierWords?.words).toEqual(['安全生产', '调研']);
    expect(last.status).toBe('已查找2024年的报道，没有找到包含“安全生产调研”的报道；找到 1 篇同时包含“安全生产”“调研”的报道。2023年的报道还没有查找。');
  });

  it('drops question and function words', async () => {
    const { tiers, last } = await run('李晓雷去了哪些企业');
    expect(last.search!.tierWords?.words).toEqual(['李晓雷', '企业']);
    expect(tiers()[0]!.words.sort()).toEqual(['/review/', '/safety/']);
  });

  it('shows the first tier before the second, checking the likely exact matches first', async () => {
    const { tiers } = await run('三化改造大会');
    // The conference has 三化改造大会 as written: first tier, though Pagefind lists it last.
    expect(tiers()[0]!.exact).toEqual(['/conference/']);
  });

  it('puts an exact match the phrase search missed in the second tier once that tier has begun, marked as exact', async () => {
    const numbers = Array.from({ length: 12 }, (_, i) => i + 1);
    const apart = (n: number) => article(`/apart-${n}/`, `2024-01-${String(n).padStart(2, '0')}`, '调研', '调研组到企业。会上强调安全生产。', ['安全生产']);
    const index = new FakeIndex({
      2024: [
        ...numbers.map(apart),
        article('/together/', '2024-02-01', '其他', '随后调研安全生产落实情况。'),
        article('/exact/', '2024-02-02', '其他', '安全生产调研座谈会召开。'),
      ],
    });
    index.phraseMisses.add('/exact/');
    const { last } = await run('安全生产调研', { index });
    const group = last.search!.groups[0]!;
    expect(group.matches).toEqual([]);
    // Checked in Pagefind's order: the second tier begins with the first ten of them, all apart; the exact one
    // comes in the next batch, ranked first in it.
    expect(group.wordMatches.map((match) => [match.page.url, match.exact ?? false])).toEqual([
      ...numbers.slice(0, 10).map((n) => [`/apart-${n}/`, false]),
      ['/exact/', true],
      ['/together/', false],
      ...numbers.slice(10).map((n) => [`/apart-${n}/`, false]),
    ]);
    expect(last.search!.exactCount).toBe(1);
    expect(last.status).toContain('找到 1 篇包含“安全生产调研”的报道，另有 13 篇同时包含“安全生产”“调研”。');
  });

  it('never lets the first tier wait for the lexicon', async () => {
    const index = new FakeIndex(ARCHIVE);
    let release!: () => void;
    index.lexiconGate = new Promise((resolve) => (release = resolve));
    const views: SessionView[] = [];
    const session = new SearchSession({ query: '李晓雷', filters: {}, sort: 'relevance' }, { open: async () => index, reopen: async () => index, toSimplified: async (t) => t }, (view) => views.push({ ...view }));
    const started = session.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The first batch is checked and shown while the lexicon's shards are still on their way.
    expect(views.at(-1)!.search!.matchCount).toBe(2);
    release();
    await started;
  });

  it('finds nothing when no article has every word', async () => {
    const { last } = await run('人口普查燃气安全', { state: { sort: 'overall' } });
    expect(last.search!.matchCount).toBe(0);
    expect(last.status).toMatch(/^没有找到包含“人口普查燃气安全”的报道（全部年份按相关度排序）。/);
  });
});

describe('dates as people write them', () => {
  it('read a spoken date as the day news writes', async () => {
    const { last, tiers } = await run('五月五日');
    expect(last.search!.tierWords?.words).toEqual(['5月5日']);
    expect(tiers()[0]!.words).toEqual(['/safety/']);
    expect(last.status).toContain('找到 1 篇包含“5月5日”的报道');
  });

  it('with its year: what was published that day, then that year’s articles that mention the day', async () => {
    const { last, tiers } = await run('二〇二四年五月五日');
    expect(last.dated?.pages.map((page) => page.url)).toEqual(['/safety/']);
    // The article of that day is listed once, with the date.
    expect(tiers().flatMap((tier) => [...tier.exact, ...tier.words])).toEqual([]);
    expect(last.status).toMatch(/^2024年5月5日发布的报道共 1 篇。/);
  });
});

describe('what the reader meant', () => {
  it('searches a traditional query in simplified characters, loading the converter only for words the archive does not know', async () => {
    const simplified = (text: string) => text.replace('氣', '气');
    const { last, converted } = await run('燃氣安全', { simplified });
    expect(converted).toEqual(['燃氣安全']);
    expect(last.status).toContain('已把“燃氣安全”按简体“燃气安全”查找。');
    expect(last.search!.matchCount).toBe(1);
    expect((await run('安全生产调研', { simplified })).converted).toEqual([]);
  });

  it('reads letters that are pinyin as the archive’s word of that reading, and says so', async () => {
    const { last, index } = await run('lixiaolei');
    expect(last.status).toBe('没有找到“lixiaolei”，以下是“李晓雷”的结果。已查找2024年的报道，找到 2 篇包含“李晓雷”的报道。2023年的报道还没有查找。');
    expect(last.suggestions).toEqual([{ prompt: '', label: '仍然查找“lixiaolei”', state: { query: 'lixiaolei', filters: {}, sort: 'relevance', asTyped: true } }]);
    // A pinyin look-up needs no reading table.
    expect(index.lexiconFiles.some((file) => file.startsWith('r'))).toBe(false);
    expect(index.lexiconFiles.some((file) => file.startsWith('p'))).toBe(true);
  });

  it('reads a name the archive does not know as the one of the same pinyin in an article’s body', async () => {
    const { last } = await run('马素化');
    expect(last.status).toContain('没有找到“马素化”，以下是“马素华”的结果。');
    expect(last.search!.matches.map((match) => match.page.url)).toEqual(['/review/']);
  });

  it('offers a word read exactly as a term that found nothing as typed, after the results', async () => {
    const index = new FakeIndex({
      2024: [
        article('/a/', '2024-01-01', '老旧小区改造', '老旧小区加装电梯。', ['老旧小区']),
        article('/b/', '2024-01-02', '小曲', '老旧的戏台上唱小曲。'),
      ],
    });
    const { last } = await run('老旧小曲', { index });
    // 老旧 and 小曲 are both words of the archive: the second tier has them apart, and 老旧小区 is offered.
    expect(last.search!.groups[0]!.wordMatches.map((match) => match.page.url)).toEqual(['/b/']);
    expect(last.suggestions.map(({ prompt, label }) => prompt + label)).toEqual(['您是不是要找：老旧小区']);
  });

  it('reads one more period by itself for words found nowhere together, then waits for the reader', async () => {
    const index = new FakeIndex({
      2024: [article('/a/', '2024-01-01', '人口', '人口普查。'), article('/b/', '2024-01-02', '燃气', '燃气安全。')],
      2023: [1, 2, 3, 4].map((n) => article(`/c${n}/`, `2023-01-0${n}`, '其他', '人口普查登记。')),
      2022: [article('/d/', '2022-01-01', '其他', '人口普查 燃气安全')],
    });
    const { last } = await run('人口普查 燃气安全', { index });
    expect(last.search!.matchCount).toBe(0);
    expect(last.status).toBe('已查找2023年至2024年的报道，没有找到包含“人口普查 燃气安全”的报道。2022年的报道还没有查找。');
    expect(last.more).toEqual({ hidden: false, label: '查找更早的报道（2022年）' });
  });

  it('searches on through older articles by itself for words the archive knows', async () => {
    const { last, index } = await run('人口普查');
    expect(last.search!.matches.map((match) => match.page.url)).toEqual(['/census/']);
    expect(index.lexiconFiles.some((file) => file.startsWith('p') || file.startsWith('r'))).toBe(false);
    expect(last.status).toBe('找到 1 篇包含“人口普查”的报道。');
  });

  it('tries nothing else for a query to be searched as typed', async () => {
    const { last, converted } = await run('马素化', { state: { asTyped: true } });
    expect(converted).toEqual([]);
    expect(last.status).toMatch(/^没有找到包含“马素化”的报道。/);
    const apart = await run('安全生产调研', { state: { asTyped: true } });
    expect(apart.last.search!.tierWords).toBeUndefined();
    expect(apart.last.search!.matchCount).toBe(0);
  });
});

describe('failures', () => {
  it('keeps what was found when a part fails to load, and retries when asked', async () => {
    const index = new FakeIndex(ARCHIVE);
    const { session, views } = await run('安全生产', { index });
    index.failing.add('2023-hash');
    await session.more();
    expect(views.at(-1)!.status).toContain('2023年的搜索索引没有加载成功');
    expect(views.at(-1)!.more).toEqual({ hidden: false, label: '重试' });
    index.failing.clear();
    await session.more();
    expect(views.at(-1)!.status).toBe('找到 2 篇包含“安全生产”的报道。');
  });

  it('searches again with the new index when the site was deployed since the page opened', async () => {
    const index = new FakeIndex(ARCHIVE);
    index.failing.add('2024-hash');
    index.outdated = true;
    const views: SessionView[] = [];
    const services = { open: async () => index, reopen: async () => ((index.failing = new Set()), index), toSimplified: async (t: string) => t };
    await new SearchSession({ query: '李晓雷', filters: {}, sort: 'relevance' }, services, (view) => views.push({ ...view })).start();
    expect(views.at(-1)!.status).toMatch(/^网站的搜索索引刚刚更新，已重新查找。已查找2024年的报道，找到 2 篇/);
  });
});
