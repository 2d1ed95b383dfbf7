/**
 * A deterministic synthetic archive for the benchmark: N articles over ten years (2015–2024), written as
 * editors write them (frontmatter + paragraphs), with text recombined from the real seed articles and the
 * search fixture corpus, and one or two paragraphs of words drawn from jieba's dictionary. The same N and
 * seed always give the same files, so runs compare like with like.
 *
 * The text is realistic where cost depends on it: sentence and paragraph lengths, the mix of Han characters,
 * digits and punctuation that the Chinese segmenter sees, the spread of columns, tags, reporters and people
 * that sizes the list pages, and a vocabulary that grows with the archive as real text's does (Heaps' law).
 * The recombined sentences alone hold a few thousand distinct words however large the archive; a real archive
 * of 50,000 articles holds hundreds of thousands (names, places, numbers), and the size of the search index
 * follows the vocabulary. So every article also has about 400 Han characters of words drawn by frequency
 * from the whole of jieba's dictionary (rare words keep turning up as the archive grows), with names and
 * numbers of its own (docs/performance.md, "The synthetic archive's vocabulary").
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { formatArticleFile } from '../src/lib/article/file.ts';
import { readRenderedArchive } from '../src/markdown.ts';
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

/**
 * jieba's dictionary with counts (`word count tag` a line, 349,045 lines), shipped with the dependency
 * @node-rs/jieba; resolved as a package file so that it is found after a clean `npm ci`.
 */
const DICTIONARY_FILE = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
/**
 * Misspellings the evaluation on a large archive (tests/large) requires to be nowhere in it (its same-pinyin
 * queries, such as 刘滨 for 刘斌): names and words drawn at random would sometimes make them.
 */
const EVALUATION_QUERIES = 'tests/fixtures/search-queries.json';
/** Surnames for the names in the drawn paragraphs, the most frequent first (they are drawn with that skew). */
const NAME_SURNAMES = [...new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庞樊兰殷牛聂章齐葛耿牟安申岳关祝包骆甘阎池管褚左鲁焦宁饶单凌华邢鲍米翟霍詹游盛司季路俞涂温尚柴裴邬房晏卜冉车谈景滕项时宫甄桑苗娄阮屈纪舒栗楚戚荆商晋全浦宗来隋佟芦解鞠祁臧占竺蓝麻储强伍艾伊蒲奚仲符应宿习欧'])];
/** Characters of given names for them: enough that distinct names keep growing with the archive. */
const NAME_GIVEN = [...new Set([...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉凤晓东海波雪梅琳鹏飞宇浩然欣怡俊峰雅婷博文善普振家新春亚辉晨阳瑞斌彬宁颖佳琪慧婧倩蕾莉萍燕玲丹琴云荣丰鑫淑惠珍璐瑶璇嘉睿哲轩泽涵梓子萱昊宏瀚楠林森松柏桐杨柳枫岩石山川江河湖泉溪源清澄淼涌潇雨霖露霜冰晶光耀炜烨煜炳焕昕昱晖晴朗月星辰曦旭昌盛茂富贵福禄寿喜庆祥康健安泰和顺利达通远航帆舟骏驰腾跃龙鹤鸿鹰莺鹃黎民卫兵武威坚毅忠诚信义仁礼智勤俭朴实德才学思图展程亮堂彩虹琼瑛瑜璋琦玮珂珊琨瑾璟宝钰铭锋钢锐铮镇金锦绣纯洁素贤娴婉娇媛姝妍妙嫣舒畅悦乐欢诗书兴旺发进步升高繁立方向夏秋冬竹菊莲荷芝蓉芙蓓蕊芬馨香蓝青碧翠绿紫朱良美好豪雄君相成宣昭穆'])];
/** How a list of names is introduced, and how one name is said, in the drawn paragraphs. */
const NAME_LISTS = ['区领导', '市领导', '街道负责人', '相关部门负责人', '参加活动的有'];
const NAME_SAYS: ((name: string) => string)[] = [
  (name) => `${name}同志`,
  (name) => `${name}表示`,
  (name) => `负责人${name}介绍`,
  (name) => `居民${name}说`,
  (name) => `${name}指出`,
];
const COUNT_UNITS = ['家', '人', '户', '个', '项', '余人', '名', '场', '次', '平方米', '公里', '吨', '件', '所'];
const NUMBER_LEADS = ['共', '达', '约', '超过', '累计', '', '', ''];

export interface SyntheticArchiveOptions {
  articles: number;
  seed?: number;
}

export interface SyntheticArchiveSummary {
  articles: number;
  /** Characters of body text (paragraphs), recombined and drawn. */
  characters: number;
  tags: number;
  reporters: number;
  people: number;
  /** Distinct words drawn from jieba's dictionary: the part of the vocabulary that grows with the archive. */
  dictionaryWords: number;
  /** Distinct names made up for the drawn paragraphs (besides the people and reporters of the frontmatter). */
  names: number;
  /** Distinct amounts, counts, percentages, years and dates written in the drawn paragraphs. */
  numbers: number;
}

/** The text the synthetic articles are recombined from. */
interface SourceText {
  sentences: string[];
  titles: string[];
  subtitles: string[];
  tags: string[];
}

/** Writes the archive under `dir` (YYYY/MM/bench-NNNNN.md) and says what it holds. */
export async function writeSyntheticArchive(dir: string, options: SyntheticArchiveOptions): Promise<SyntheticArchiveSummary> {
  const seed = options.seed ?? 20240506;
  const random = mulberry32(seed);
  // The drawn paragraphs have a stream of their own, so the rest of each article is what it was without them.
  const wordRandom = mulberry32(seed ^ 0x5bd1e995);
  const source = await readSourceText();
  const dictionary = readDictionary();
  const absent = readAbsentWords();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const pickSome = <T>(items: readonly T[], count: number): T[] => [...new Set(Array.from({ length: count }, () => pick(items)))];

  // Pools sized like a district paper over ten years: a few dozen reporters, hundreds of people and tags.
  const reporters = uniqueNames(random, 60);
  const people = uniqueNames(random, 800);
  const tags = [...new Set([...source.tags, ...UNITS.flatMap((unit) => source.tags.slice(0, 12).map((tag) => `${unit.replace(/^区/, '')}${tag}`))])];

  const days = YEARS * 365;
  const dates = Array.from({ length: options.articles }, () => Math.floor(random() * days)).sort((a, b) => a - b);
  const summary: SyntheticArchiveSummary = { articles: 0, characters: 0, tags: 0, reporters: 0, people: 0, dictionaryWords: 0, names: 0, numbers: 0 };
  const used = { tags: new Set<string>(), reporters: new Set<string>(), people: new Set<string>(), names: new Set<string>(), numbers: new Set<string>() };
  const drawn = new Uint8Array(dictionary.words.length);

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
    // The drawn paragraphs go among the others, never first (the dateline's paragraph stays first).
    const words = drawnParagraphs(wordRandom, dictionary, absent, year);
    for (const paragraph of words.paragraphs) paragraphs.splice(1 + Math.floor(wordRandom() * paragraphs.length), 0, paragraph);

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
    for (const word of words.words) {
      if (drawn[word]) continue;
      drawn[word] = 1;
      summary.dictionaryWords += 1;
    }
    words.names.forEach((name) => used.names.add(name));
    words.numbers.forEach((number) => used.numbers.add(number));
  });
  return {
    ...summary,
    tags: used.tags.size,
    reporters: used.reporters.size,
    people: used.people.size,
    names: used.names.size,
    numbers: used.numbers.size,
  };
}

/** jieba's dictionary as a table to draw from: its words of Han characters, each as likely as its count. */
interface Dictionary {
  words: string[];
  /** `cumulative[i]` is the sum of the counts of words 0..i. */
  cumulative: Float64Array;
}

let dictionaryCache: Dictionary | undefined;

function readDictionary(): Dictionary {
  if (dictionaryCache) return dictionaryCache;
  const words: string[] = [];
  const counts: number[] = [];
  for (const line of readFileSync(DICTIONARY_FILE, 'utf8').split('\n')) {
    const [word, count] = line.split(' ');
    // Words with Latin letters or digits (4S店, C语言) are left out; numbers are written separately.
    if (!word || !/^\p{Script=Han}+$/u.test(word) || !(Number(count) > 0)) continue;
    words.push(word);
    counts.push(Number(count));
  }
  if (words.length < 300_000) throw new Error(`${DICTIONARY_FILE}: ${words.length} words, expected jieba's dictionary of about 349,000`);
  const cumulative = new Float64Array(counts.length);
  let total = 0;
  counts.forEach((count, index) => (cumulative[index] = total += count));
  return (dictionaryCache = { words, cumulative });
}

/** A word of the dictionary (its index), drawn with probability proportional to its count. */
function drawWord(random: () => number, { cumulative }: Dictionary): number {
  const target = random() * cumulative[cumulative.length - 1]!;
  let [low, high] = [0, cumulative.length - 1];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function readAbsentWords(): string[] {
  const queries = JSON.parse(readFileSync(EVALUATION_QUERIES, 'utf8')) as { kind: string; query: string }[];
  return queries.filter((query) => query.kind === 'same-pinyin' || query.kind === 'body-same-pinyin').map((query) => query.query);
}

interface DrawnText {
  paragraphs: string[];
  /** The dictionary words drawn (indexes into the dictionary), names made up and numbers written. */
  words: number[];
  names: string[];
  numbers: string[];
}

const HAN = /\p{Script=Han}/gu;
const hanLength = (text: string) => text.match(HAN)?.length ?? 0;

/**
 * One or two paragraphs of about 400 Han characters of dictionary words drawn by frequency, joined without
 * spaces and cut into clauses of 8–20 words by ， and 。, with two to five names and two to five numbers of
 * the article's own among them. Drawn again (rarely) when it contains one of the `absent` words.
 */
function drawnParagraphs(random: () => number, dictionary: Dictionary, absent: readonly string[], year: number): DrawnText {
  for (;;) {
    const text = drawText(random, dictionary, year);
    if (!absent.some((word) => text.paragraphs.some((paragraph) => paragraph.includes(word)))) return text;
  }
}

function drawText(random: () => number, dictionary: Dictionary, year: number): DrawnText {
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  // Names and numbers first: they count towards the article's Han characters.
  const names = Array.from({ length: between(2, 5) }, () => drawName(random));
  const numbers = Array.from({ length: between(2, 5) }, () => drawNumber(random, year));
  // Phrases put into a clause of drawn words (3.6万元, 王建华表示), and clauses of their own (区领导…等参加).
  const phrases = numbers.map((number) => `${pick(NUMBER_LEADS)}${number}`);
  const ownClauses: string[] = [];
  let single = names;
  if (names.length >= 3 && random() < 0.5) {
    const listed = names.slice(0, between(2, names.length));
    ownClauses.push(`${pick(NAME_LISTS)}${listed.join('、')}等参加`);
    single = names.slice(listed.length);
  }
  phrases.push(...single.map((name) => pick(NAME_SAYS)(name)));

  // Clauses of 8–20 dictionary words until the article has its 360–440 Han characters.
  const target = between(360, 440) - hanLength([...phrases, ...ownClauses].join(''));
  const clauses: string[][] = [];
  const words: number[] = [];
  for (let length = 0; length < target; ) {
    const clause = Array.from({ length: between(8, 20) }, () => drawWord(random, dictionary));
    words.push(...clause);
    clauses.push(clause.map((word) => dictionary.words[word]!));
    length += hanLength(clauses.at(-1)!.join(''));
  }
  for (const phrase of phrases) {
    const clause = pick(clauses);
    clause.splice(Math.floor(random() * (clause.length + 1)), 0, phrase);
  }
  for (const clause of ownClauses) clauses.splice(Math.floor(random() * (clauses.length + 1)), 0, [clause]);
  // Sentences of one to three clauses; one paragraph, or two cut between sentences.
  const sentences: string[] = [];
  for (let index = 0; index < clauses.length; ) {
    const count = between(1, 3);
    sentences.push(`${clauses.slice(index, index + count).map((clause) => clause.join('')).join('，')}。`);
    index += count;
  }
  const cut = sentences.length > 1 && random() < 0.5 ? between(1, sentences.length - 1) : sentences.length;
  const paragraphs = [sentences.slice(0, cut).join(''), sentences.slice(cut).join('')].filter(Boolean);
  return { paragraphs, words, names, numbers };
}

/** A name: a surname (the frequent ones more often) and one or two given characters. */
function drawName(random: () => number): string {
  const surname = NAME_SURNAMES[Math.floor(random() ** 2 * NAME_SURNAMES.length)]!;
  const given = () => NAME_GIVEN[Math.floor(random() * NAME_GIVEN.length)]!;
  return surname + given() + (random() < 0.7 ? given() : '');
}

/** An amount, a count, a percentage, a year (up to the article's) or a date, as news copy writes them. */
function drawNumber(random: () => number, year: number): string {
  const upTo = (high: number) => 1 + Math.floor(random() ** 2 * high);
  switch (Math.floor(random() * 6)) {
    case 0:
      return `${(upTo(9999) / 10).toFixed(1)}万元`;
    case 1:
      return random() < 0.5 ? `${upTo(50)}亿元` : `${upTo(9999)}元`;
    case 2:
      return `${upTo(2000)}${COUNT_UNITS[Math.floor(random() * COUNT_UNITS.length)]}`;
    case 3:
      return `${(upTo(999) / 10).toFixed(1)}%`;
    case 4:
      return `${year - Math.floor(random() * 15)}年`;
    default: {
      const month = 1 + Math.floor(random() * 12);
      return `${month}月${1 + Math.floor(random() * DAYS_IN_MONTH[month - 1]!)}日`;
    }
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The sentences, headlines and tags of the fixture articles, read by the archive's source and the article pipeline. */
async function readSourceText(): Promise<SourceText> {
  const text: SourceText = { sentences: [], titles: [], subtitles: [], tags: [] };
  for (const dir of SOURCE_DIRS) {
    const { articles, problems } = await readRenderedArchive(dir, { columns, now: new Date() });
    if (problems.length) throw new Error(`benchmark source ${problems[0]!.file} is not a valid article: ${problems[0]!.message}`);
    for (const { data, rendered } of articles) {
      text.titles.push(data.title.replace(/^中原区/, ''));
      if (data.subtitle) text.subtitles.push(data.subtitle);
      text.tags.push(...data.tags);
      // The text as readers see it (entities decoded, list and quote markers gone), so the synthetic articles are plain copy.
      for (const paragraph of rendered.body.lines) {
        // Sentences keep their closing mark; the dateline belongs to its article, not to the pool.
        text.sentences.push(...(paragraph.replace(/^本报讯\s*/, '').match(/[^。！？]+[。！？]/g) ?? []));
      }
    }
  }
  text.tags = [...new Set(text.tags)].sort();
  return text;
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
