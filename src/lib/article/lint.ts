/**
 * Lint rules for Chinese news text and the archive as a whole, reported with file, line and column.
 * Errors stop a publication (`npm run check` exits non-zero); warnings are for the editor's judgement.
 */
import { byPlace } from '../order.ts';
import { formatProblem, parseArticleFile, type ArticleFileResult, type ArticleProblem, type ParseArticleOptions } from './file.ts';

export interface LintProblem {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  /** For fixable problems: replace `length` characters at `offset` of the file with `replacement`. */
  fix?: { offset: number; length: number; replacement: string };
}

export interface LintFile {
  file: string;
  source: string;
  /** The newsroom's columns, and how to check what lies beside the file (its photos). */
  options: ParseArticleOptions;
  /** The file as the archive's source read it (lib/archive/source.ts, body rendered); else its frontmatter is read here. */
  result?: ArticleFileResult;
}

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const HALF_WIDTH_BETWEEN_HAN = /(?<=\p{Script=Han})[,;:?!](?=\p{Script=Han})/gu;

export function lintArchive(files: readonly LintFile[]): LintProblem[] {
  const parsed = files.map((file) => ({ ...file, result: file.result ?? parseArticleFile(file.source, file.file, file.options) }));
  const problems = parsed.flatMap(({ file, source, result }) => lintOne(file, source, result));
  problems.push(...archiveProblems(parsed));
  // Code-point order of the files, so the report reads the same on every editor's machine (localeCompare would not).
  return problems.sort(byPlace);
}

/** A problem that stops a build, as `npm run check` reports it (the field stays in the message). */
export function lintError(problem: ArticleProblem, rule: string): LintProblem {
  return { file: problem.file, line: problem.line, column: problem.column, severity: 'error', rule, message: formatProblem(problem).replace(/^\S+ /, '') };
}

function lintOne(file: string, source: string, result: ArticleFileResult): LintProblem[] {
  if (!result.ok) return result.problems.map((problem) => lintError({ ...problem, file }, 'schema'));
  const problems: LintProblem[] = [];
  const bodyOffset = source.length - result.body.length;
  const at = (offset: number) => {
    const before = source.slice(0, offset).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };

  // Quotes and brackets are checked per paragraph: a Chinese quotation spanning paragraphs reopens “ in
  // each, so a paragraph that opens without closing is worth a look but not always wrong.
  let stack: { char: string; offset: number }[] = [];
  const unclosed = () => {
    for (const open of stack) {
      problems.push({ file, ...at(open.offset), severity: 'warning', rule: 'unmatched-pair', message: `“${open.char}”在本段没有对应的“${PAIRS[open.char]}”` });
    }
    stack = [];
  };
  let offset = bodyOffset;
  for (const line of result.body.split('\n')) {
    if (line.trim() === '') unclosed();
    for (const char of line) {
      if (PAIRS[char]) stack.push({ char, offset });
      const opener = CLOSERS.get(char);
      if (opener && stack.at(-1)?.char === opener) stack.pop();
      else if (opener) {
        problems.push({ file, ...at(offset), severity: 'warning', rule: 'unmatched-pair', message: `“${char}”前面没有对应的“${opener}”` });
      }
      offset += char.length;
    }
    offset += 1;
  }
  unclosed();

  for (const match of result.body.matchAll(HALF_WIDTH_BETWEEN_HAN)) {
    const offset = bodyOffset + match.index;
    problems.push({
      file,
      ...at(offset),
      severity: 'warning',
      rule: 'half-width-punctuation',
      message: `中文之间用了半角“${match[0]}”，应为全角“${FULL_WIDTH[match[0]]}”（--fix 可改）`,
      fix: { offset, length: 1, replacement: FULL_WIDTH[match[0]]! },
    });
  }

  if (!result.raw.column) {
    problems.push({ file, line: 2, column: 1, severity: 'warning', rule: 'missing-column', message: '还没有选栏目（column）：选定后删除 draft: true 才会发布' });
  }
  if (!result.raw.summary) {
    problems.push({ file, line: 2, column: 1, severity: 'warning', rule: 'missing-summary', message: '没有导语（summary）：将用首段代替' });
  }
  return problems;
}

type Parsed = LintFile & { result: ArticleFileResult };

function archiveProblems(parsed: readonly Parsed[]): LintProblem[] {
  const problems: LintProblem[] = [];
  const good = parsed.filter((entry): entry is LintFile & { result: Extract<ArticleFileResult, { ok: true }> } => entry.result.ok);
  const lineOf = (source: string, pattern: RegExp) => {
    const index = source.split('\n').findIndex((line) => pattern.test(line));
    return index < 0 ? 1 : index + 1;
  };

  // Byline names that are the start of another byline name: 白博 beside 白博文 is likely a cut-off name.
  const names = new Set(good.flatMap((entry) => entry.result.data.byline.map((person) => person.name)));
  for (const entry of good) {
    for (const person of entry.result.data.byline) {
      const longer = [...names].find((other) => other !== person.name && other.startsWith(person.name));
      if (!longer || person.note) continue;
      problems.push({
        file: entry.file,
        line: lineOf(entry.source, new RegExp(`name:\\s*${person.name}\\s*$`)),
        column: 1,
        severity: 'warning',
        rule: 'truncated-name',
        message: `署名“${person.name}”是另一署名“${longer}”的开头，可能被截断；核实后改正，或加 note 说明`,
      });
    }
  }

  // Duplicate headlines and slugs: two articles that readers cannot tell apart, or two URLs that look alike.
  const seen = new Map<string, string>();
  for (const entry of good) {
    for (const [kind, key] of [
      ['title', `title:${entry.result.data.title}`],
      ['slug', `slug:${entry.file.split('/').at(-1)}`],
    ] as const) {
      const first = seen.get(key);
      if (first) {
        problems.push({
          file: entry.file,
          line: kind === 'title' ? lineOf(entry.source, /^title:/) : 1,
          column: 1,
          severity: 'warning',
          rule: `duplicate-${kind}`,
          message: kind === 'title' ? `标题与 ${first} 相同` : `文件名（网址最后一段）与 ${first} 相同`,
        });
      } else {
        seen.set(key, entry.file);
      }
    }
  }
  return problems;
}

/** The source with every fix of `problems` applied (only fixes for this file). */
export function applyFixes(source: string, problems: readonly LintProblem[]): string {
  return [...problems]
    .filter((problem) => problem.fix)
    .sort((a, b) => b.fix!.offset - a.fix!.offset)
    .reduce((text, { fix }) => text.slice(0, fix!.offset) + fix!.replacement + text.slice(fix!.offset + fix!.length), source);
}

export function formatLintProblem(problem: LintProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity === 'error' ? '错误' : '警告'} [${problem.rule}] ${problem.message}`;
}

/**
 * The problem as a GitHub Actions workflow command: GitHub shows it on the pull request's changed file, at its
 * line, so that a reviewer and the editor who wrote the article see it there (Forgejo Actions prints it in the log).
 * `file` must be relative to the repository's root (it is: the check runs there).
 */
export function lintAnnotation(problem: LintProblem): string {
  const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level = problem.severity === 'error' ? 'error' : 'warning';
  return `::${level} file=${property(problem.file)},line=${problem.line},col=${problem.column},title=${property(`稿件检查 [${problem.rule}]`)}::${data(problem.message)}`;
}
