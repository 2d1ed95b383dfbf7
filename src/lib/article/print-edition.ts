/**
 * Reads the plain text of a printed news page (as editors receive it, e.g. shared/seeds/*.txt) into articles:
 * headline and subtitle, the 本报讯 dateline and its date, paragraphs re-joined where the print layout broke a
 * sentence, and bylines as data. Pure: the importer CLI does the files.
 *
 * The shape it expects, per article: a headline line (主题, optionally a space and the 副题), then a paragraph
 * starting 本报讯, more paragraphs, and byline lines (记者 唐善普 / 通讯员 白博文/图) at the end.
 */
import { BYLINE_ROLES, type BylineCredit, type BylineEntry, type BylineRole } from './bylines.ts';
import { parseNewsDate } from '../dates.ts';

export interface PrintArticle {
  /** Line of the headline in the source text (1-based). */
  line: number;
  title: string;
  subtitle?: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** Whether the dateline stated the day (5月6日), said only 近日, or said nothing. */
  datelineDay: 'stated' | 'vague' | 'missing';
  /** Body paragraphs; the first keeps its 本报讯 dateline. */
  paragraphs: string[];
  byline: BylineEntry[];
  /** What the importer did that an editor should check (joined paragraphs, assumed dates). */
  notes: string[];
}

export interface PrintProblem {
  line: number;
  message: string;
}

export type PrintEditionResult = { ok: true; articles: PrintArticle[] } | { ok: false; problems: PrintProblem[] };

interface Block {
  text: string;
  line: number;
}

const DATELINE = /^本报讯\s*(?:[（(]([^）)]*)[）)])?\s*/;
/** A paragraph ending in one of these is a paragraph; any other ending means the layout broke a sentence. */
const PARAGRAPH_END = /[。！？!?…”’」』）)：:；;]$/;
/** Headlines carry no full stop; a line ending in one is body text. */
const SENTENCE_END = /[。！？!?]$/;
const ROLE_ALIASES: Record<string, BylineRole> = { 本报记者: '记者', 摄: '摄影' };
const NAME = /^([\p{Script=Han}·]{2,5})(?:\/(文\/图|文图|图|文))?$/u;

/** Parses one byline line (记者 唐善普 张三 通讯员 白博文/图); undefined when the line is not a byline. */
export function parseBylineLine(text: string): BylineEntry[] | undefined {
  const tokens = text.trim().split(/[\s\u3000]+/).filter(Boolean);
  const entries: BylineEntry[] = [];
  let role: BylineRole | undefined;
  let sawRole = false;
  for (const token of tokens) {
    const asRole = roleOf(token);
    if (asRole) {
      role = asRole;
      sawRole = true;
      continue;
    }
    // 记者唐善普, printed without the space.
    const prefixed = [...BYLINE_ROLES, ...Object.keys(ROLE_ALIASES)].find((r) => token.startsWith(r) && NAME.test(token.slice(r.length)));
    const name = NAME.exec(prefixed ? token.slice(prefixed.length) : token);
    if (!name) return undefined;
    if (prefixed) {
      role = roleOf(prefixed);
      sawRole = true;
    }
    const credit = name[2] ? ((name[2] === '文/图' ? '文图' : name[2]) as BylineCredit) : undefined;
    const entryRole = role ?? (credit === '图' ? '摄影' : '记者');
    entries.push({ role: entryRole, name: name[1]!, ...(credit && { credit }) });
  }
  // A short line of names alone could be anything; a byline names a role or credits someone.
  const credited = entries.length > 0 && entries.every((entry) => entry.credit);
  return entries.length > 0 && (sawRole || credited) ? entries : undefined;
}

function roleOf(token: string): BylineRole | undefined {
  return (BYLINE_ROLES as readonly string[]).includes(token) ? (token as BylineRole) : ROLE_ALIASES[token];
}

export function parsePrintEdition(text: string, editionDate: string): PrintEditionResult {
  const edition = parseNewsDate(editionDate);
  if (!edition.ok) return { ok: false, problems: [{ line: 1, message: `版面日期无效：${edition.reason}` }] };
  const blocks: Block[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, index) => ({ text: line.trim(), line: index + 1 }))
    .filter((block) => block.text.length > 0);
  if (blocks.length === 0) return { ok: false, problems: [{ line: 1, message: '文件是空的，没有可导入的稿件' }] };

  const starts = blocks.flatMap((block, index) => (DATELINE.test(block.text) ? [index] : []));
  if (starts.length === 0) {
    return {
      ok: false,
      problems: [{ line: blocks[0]!.line, message: '找不到稿件：每篇稿件应是一行标题，下一段以“本报讯”开头' }],
    };
  }
  const problems: PrintProblem[] = [];
  const articles: PrintArticle[] = [];
  starts.forEach((start, i) => {
    const headline = blocks[start - 1];
    if (!headline || DATELINE.test(headline.text) || parseBylineLine(headline.text) || SENTENCE_END.test(headline.text)) {
      problems.push({ line: blocks[start]!.line, message: '“本报讯”前一行应是稿件标题，但没有找到标题' });
      return;
    }
    if (i === 0 && start > 1) {
      problems.push({ line: blocks[0]!.line, message: '第一篇稿件标题之前还有文字，无法判断它属于哪篇稿件' });
    }
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : blocks.length;
    const article = readArticle(headline, blocks.slice(start, end), edition.date, editionDate);
    if ('message' in article) problems.push(article);
    else articles.push(article);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, articles };
}

function readArticle(headline: Block, body: Block[], edition: Date, editionDate: string): PrintArticle | PrintProblem {
  const notes: string[] = [];
  const byline: BylineEntry[] = [];
  // Byline lines close the article.
  while (body.length > 1) {
    const entries = parseBylineLine(body.at(-1)!.text);
    if (!entries) break;
    byline.unshift(...entries);
    body = body.slice(0, -1);
  }

  const [lead] = body;
  const dateline = DATELINE.exec(lead!.text)!;
  if (dateline[1]) {
    const inDateline = parseBylineLine(dateline[1]);
    if (inDateline) byline.unshift(...inDateline);
    else notes.push(`电头括号里的“${dateline[1]}”不像署名，未作为署名导入`);
  }
  if (body.length === 1 && lead!.text.replace(DATELINE, '').length === 0) {
    return { line: lead!.line, message: '稿件只有电头，没有正文' };
  }

  const paragraphs: string[] = [];
  let previous: Block | undefined;
  for (const block of body) {
    if (previous && paragraphs.length > 0 && !PARAGRAPH_END.test(paragraphs.at(-1)!)) {
      notes.push(`第${previous.line}行与第${block.line}行是印刷排版断开的同一段，已接上`);
      paragraphs[paragraphs.length - 1] += block.text;
    } else {
      paragraphs.push(block.text);
    }
    previous = block;
  }

  const [title, subtitle] = splitHeadline(headline.text);
  if (headline.text.split(/[\s\u3000]+/).length > 2) notes.push(`标题“${headline.text}”有多处空格：已把第一个空格前作为主题，其余作为副题`);
  const { date, datelineDay } = datelineDate(lead!.text.replace(DATELINE, ''), edition, editionDate);
  if (datelineDay === 'vague') notes.push(`电头作“近日”，未载明日期；日期按版面日期记为 ${date}`);
  if (datelineDay === 'missing') notes.push(`电头没有日期；日期按版面日期记为 ${date}`);
  if (byline.length === 0) notes.push('没有找到署名');
  return { line: headline.line, title, ...(subtitle && { subtitle }), date, datelineDay, paragraphs, byline, notes };
}

/** `主题 副题 续`: the first space separates 主题 from 副题; the 副题 keeps its own spaces. */
function splitHeadline(text: string): [string, string | undefined] {
  const match = /^(\S+)[\s\u3000]+(.+)$/u.exec(text);
  return match ? [match[1]!, match[2]!] : [text, undefined];
}

function datelineDate(afterDateline: string, edition: Date, editionDate: string): Pick<PrintArticle, 'date' | 'datelineDay'> {
  const stated = /^(\d{1,2})月(\d{1,2})日/.exec(afterDateline);
  if (stated) {
    const [year] = editionDate.split('-').map(Number);
    const iso = (y: number) => `${y}-${stated[1]!.padStart(2, '0')}-${stated[2]!.padStart(2, '0')}`;
    const sameYear = parseNewsDate(iso(year!));
    // A January page reporting 12月31日 means last year.
    if (sameYear.ok && sameYear.date <= edition) return { date: iso(year!), datelineDay: 'stated' };
    if (parseNewsDate(iso(year! - 1)).ok) return { date: iso(year! - 1), datelineDay: 'stated' };
  }
  // 近日 ("recently") may come after an opening clause: 本报讯 为加快……,近日,中原区召开……
  const firstSentence = afterDateline.split('。')[0] ?? '';
  return { date: editionDate, datelineDay: /近日|日前|近期/.test(firstSentence) ? 'vague' : 'missing' };
}

/**
 * Frontmatter for an imported article. It is a draft without a column: the editor chooses the column
 * (and tags, people) and removes `draft`, and until then the article is built nowhere.
 */
export function importedFrontmatter(
  article: PrintArticle,
  sourceFile: string,
  /** Where the article was printed, with --page: the edition's date, the page, its place on the page. */
  printed?: { edition: string; page: string; order: number },
): Record<string, unknown> {
  const dateNote = article.notes.find((note) => note.startsWith('电头'));
  return {
    title: article.title,
    ...(article.subtitle && { subtitle: article.subtitle }),
    date: article.date,
    byline: article.byline.map(({ role, name, credit }) => ({ role, name, ...(credit && { credit }) })),
    source: { ...(printed && { edition: printed.edition, page: printed.page, order: printed.order }), file: sourceFile, ...(dateNote && { note: dateNote }) },
    draft: true,
  };
}
