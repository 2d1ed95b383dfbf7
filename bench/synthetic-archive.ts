/**
 * A deterministic synthetic archive for the benchmark: N articles over ten years (2015–2024), written as
 * editors write them (frontmatter + paragraphs), with text recombined from the real seed articles and the
 * search fixture corpus. The same N and seed always give the same files, so runs compare like with like.
 *
 * The text is realistic where cost depends on it: sentence and paragraph lengths, the mix of Han characters,
 * digits and punctuation that the Chinese segmenter sees, and the spread of columns, tags, reporters and
 * people that sizes the list pages.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticleFile, formatArticleFile } from '../src/lib/article-file.ts';
import { bodyTextBlocks } from '../src/lib/text.ts';
import { ZHONGYUAN } from '../tests/fixtures/sites.ts';

/** Where the real text comes from; nothing is written there. */
export const SOURCE_DIRS = [ZHONGYUAN.articles, 'tests/fixtures/search-corpus'];
/** The newsroom a synthetic archive is built as: its articles are in its columns. */
export const SYNTHETIC_SITE = ZHONGYUAN;
const { columns } = SYNTHETIC_SITE.newsroom;

const FIRST_YEAR = 2015;
const YEARS = 10;

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'建国华明丽伟芳静敏强磊军洋勇艳杰娟涛超秀霞平刚桂英志红玉兰凤晓东海波雪梅琳鹏飞宇浩然欣怡俊峰雅婷博文善普振家新春亚辉晨阳瑞'];
const UNITS = [
  '中原区', '林山寨街道', '建设路街道', '三官庙街道', '绿东村街道', '汝河路街道', '桐柏路街道', '秦岭路街道', '棉纺路街道',
  '须水街道', '航海西路街道', '中原西路街道', '区应急管理局', '区市场监管局', '区教育局', '区卫健委', '区住建局',
  '区城管局', '区文广旅局', '区人社局', '区民政局', '区生态环境分局', '区税务局', '区消防救援大队',
];
const ACTIONS = ['召开', '开展', '推进', '部署', '启动', '举办', '完成', '扎实推进', '全力做好', '持续深化', '组织开展', '圆满完成'];
const SUFFIXES = ['工作会议', '专项行动', '现场观摩会', '集中宣传活动', '试点工作', '推进会', '培训班', '专题调研', '攻坚行动', ''];
const TIMES = ['上午', '下午', '', '晚上'];

export interface SyntheticArchiveOptions {
  articles: number;
  seed?: number;
}

export interface SyntheticArchiveSummary {
  articles: number;
  characters: number;
  tags: number;
  reporters: number;
  people: number;
}

/** The text the synthetic articles are recombined from. */
interface SourceText {
  sentences: string[];
  titles: string[];
  subtitles: string[];
  tags: string[];
}

/** Writes the archive under `dir` (YYYY/MM/bench-NNNNN.md) and says what it holds. */
export function writeSyntheticArchive(dir: string, options: SyntheticArchiveOptions): SyntheticArchiveSummary {
  const random = mulberry32(options.seed ?? 20240506);
  const source = readSourceText();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const pickSome = <T>(items: readonly T[], count: number): T[] => [...new Set(Array.from({ length: count }, () => pick(items)))];

  // Pools sized like a district paper over ten years: a few dozen reporters, hundreds of people and tags.
  const reporters = uniqueNames(random, 60);
  const people = uniqueNames(random, 800);
  const tags = [...new Set([...source.tags, ...UNITS.flatMap((unit) => source.tags.slice(0, 12).map((tag) => `${unit.replace(/^区/, '')}${tag}`))])];

  const days = YEARS * 365;
  const dates = Array.from({ length: options.articles }, () => Math.floor(random() * days)).sort((a, b) => a - b);
  const summary: SyntheticArchiveSummary = { articles: 0, characters: 0, tags: 0, reporters: 0, people: 0 };
  const used = { tags: new Set<string>(), reporters: new Set<string>(), people: new Set<string>() };

  dates.forEach((dayOffset, index) => {
    const date = new Date(Date.UTC(FIRST_YEAR, 0, 1 + dayOffset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const unit = pick(UNITS);
    const topic = pick(source.tags);
    const articlePeople = pickSome(people, Math.floor(random() * 4));
    const articleReporters = pickSome(reporters, 1 + Math.floor(random() * 2));
    const articleTags = [...new Set([topic, ...pickSome(tags, 1 + Math.floor(random() * 3))])];
    const paragraphs = Array.from({ length: 3 + Math.floor(random() * 5) }, () =>
      Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(source.sentences)).join(''),
    );
    const leader = articlePeople[0];
    paragraphs[0] = `本报讯 ${month}月${day}日${pick(TIMES)}，${unit}${pick(ACTIONS)}${topic}${pick(SUFFIXES)}${leader ? `，${leader}出席并讲话` : ''}。${paragraphs[0]}`;

    const frontmatter: Record<string, unknown> = {
      title: random() < 0.5 ? `${unit}${pick(ACTIONS)}${topic}${pick(SUFFIXES)}` : `${unit}${pick(source.titles)}`,
      ...(random() < 0.4 ? { subtitle: pick(source.subtitles) } : {}),
      date: `${year}-${pad(month)}-${pad(day)}`,
      column: pick(columns).name,
      tags: articleTags,
      byline: [
        ...articleReporters.map((name) => ({ role: '记者', name })),
        ...(random() < 0.6 ? [{ role: '通讯员', name: pick(people) }] : []),
      ],
      people: articlePeople,
    };
    const file = join(dir, String(year), pad(month), `bench-${String(index + 1).padStart(5, '0')}.md`);
    mkdirSync(join(dir, String(year), pad(month)), { recursive: true });
    writeFileSync(file, formatArticleFile(frontmatter, paragraphs));

    summary.articles += 1;
    summary.characters += paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
    articleTags.forEach((tag) => used.tags.add(tag));
    articleReporters.forEach((name) => used.reporters.add(name));
    articlePeople.forEach((name) => used.people.add(name));
  });
  return { ...summary, tags: used.tags.size, reporters: used.reporters.size, people: used.people.size };
}

function readSourceText(): SourceText {
  const text: SourceText = { sentences: [], titles: [], subtitles: [], tags: [] };
  for (const file of SOURCE_DIRS.flatMap(markdownFiles)) {
    const parsed = parseArticleFile(readFileSync(file, 'utf8'), file, { columns });
    if (!parsed.ok) throw new Error(`benchmark source ${file} is not a valid article`);
    const { data, body } = parsed;
    text.titles.push(data.title.replace(/^中原区/, ''));
    if (data.subtitle) text.subtitles.push(data.subtitle);
    text.tags.push(...data.tags);
    // The text as readers see it (entities decoded, list and quote markers gone), so the synthetic articles are plain copy.
    for (const paragraph of bodyTextBlocks(body)) {
      // Sentences keep their closing mark; the dateline belongs to its article, not to the pool.
      text.sentences.push(...(paragraph.replace(/^本报讯\s*/, '').match(/[^。！？]+[。！？]/g) ?? []));
    }
  }
  text.tags = [...new Set(text.tags)].sort();
  return text;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));
}

function uniqueNames(random: () => number, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const given = GIVEN[Math.floor(random() * GIVEN.length)]! + (random() < 0.7 ? GIVEN[Math.floor(random() * GIVEN.length)]! : '');
    names.add(SURNAMES[Math.floor(random() * SURNAMES.length)]! + given);
  }
  return [...names];
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A small seeded PRNG (public-domain mulberry32): Math.random cannot be seeded. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
