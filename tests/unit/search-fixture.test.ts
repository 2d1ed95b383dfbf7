/**
 * The search-evaluation fixture is only worth its numbers if its expected lists are right. For the kinds that
 * match text as typed, each must be exactly the articles whose indexed text (headline, text, captions, tags,
 * byline) contains every term — traditional queries after 繁→简 conversion, same-pinyin and full-width ones as
 * the word searched instead — and, for a date, also the articles published then. The kinds that ask for what a
 * reader means (run-together words, questions, spoken dates, pinyin, misspelt names in the text, words
 * reordered) are judged by hand, never computed; here they are only checked for consistency with the words
 * the judge read from them (`words`): every expected article has them all, and a must-find-nothing query's
 * words are in no one article together.
 */
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/article/file.ts';
import { readRenderedArchive } from '../../src/markdown.ts';
import { dateQueryDays, parseDateQuery } from '../../src/lib/search/browser/date-query.ts';
import { readDateQuery } from '../../src/lib/search/browser/query.ts';
import { isoDay } from '../../src/lib/dates.ts';
import { indexedText } from '../../src/lib/search/build/records.ts';
import { containsAllTerms, containsAllWords } from '../../src/lib/search/browser/match.ts';
import { queryTerms } from '../../src/lib/search/browser/query.ts';
import type { EvalQuery } from '../corpus/metrics.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

interface FixtureArticle {
  text: string;
  day: string;
  /** What the frontmatter names: headline, tags, people, byline. */
  named: string;
}

/** The fixture articles, read by the archive's source and rendered by the article pipeline, as a build reads them. */
async function loadArticles(root: string): Promise<Map<string, FixtureArticle>> {
  const texts = new Map<string, FixtureArticle>();
  const { articles, problems } = await readRenderedArchive(root, { columns: ZHONGYUAN.newsroom.columns, now: new Date() });
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  for (const { file, data, rendered } of articles) {
    const named = [data.title, ...data.tags, ...(data.people ?? []), ...data.byline.map((entry) => entry.name)].join(' ');
    texts.set(file.replace(/\.md$/, ''), { text: indexedText(data, rendered.body.lines), day: isoDay(data.date), named });
  }
  return texts;
}

const articles = new Map([...(await loadArticles(ZHONGYUAN.articles)), ...(await loadArticles('tests/fixtures/search-corpus'))]);
const queries = JSON.parse(readFileSync('tests/fixtures/search-queries.json', 'utf8')) as (EvalQuery & { words?: string[] })[];
/** Kinds judged by hand: what a reader means, not the query's text. */
const JUDGED = new Set(['run-together', 'question', 'spoken-date', 'pinyin', 'body-same-pinyin', 'reordered']);
const ruled = queries.filter((query) => !JUDGED.has(query.kind) && !(query.kind === 'nothing' && query.words));
const judged = queries.filter((query) => JUDGED.has(query.kind) || (query.kind === 'nothing' && query.words));

/** The articles that have every word; for a query with a year, of that year or published on its day. */
function withWords(query: EvalQuery & { words?: string[] }): string[] {
  const date = readDateQuery(query.query);
  const days = new Set(date?.day ? dateQueryDays(date) : []);
  return [...articles]
    .filter(([, { text, day }]) => days.has(day) || ((!date || day.startsWith(String(date.year))) && containsAllWords(text, query.words!)))
    .map(([id]) => id);
}

describe('search-evaluation fixture', () => {
  it('has at least 40 articles over several years and every column, and at least 80 queries of every kind', () => {
    expect(articles.size).toBeGreaterThanOrEqual(40);
    expect(new Set([...articles.keys()].map((id) => id.slice(0, 4))).size).toBeGreaterThanOrEqual(5);
    expect(queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(queries.map((query) => query.kind))).toEqual(
      new Set(['phrase', 'fragment', 'name', 'two-terms', 'date-number', 'traditional', 'nothing', 'byline', 'full-width', 'same-pinyin', 'date-with-year', 'ranking', 'markdown-text', ...JUDGED]),
    );
    // At least ten queries of each kind judged by hand, and ten must-find-nothing queries whose words each
    // occur somewhere but never in one article together.
    for (const kind of JUDGED) if (kind !== 'reordered') expect(queries.filter((query) => query.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
    const apartEverywhere = judged.filter((query) => query.kind === 'nothing' && query.words!.length > 1 && query.words!.every((word) => [...articles.values()].some(({ text }) => containsAllWords(text, [word]))));
    expect(apartEverywhere.length).toBeGreaterThanOrEqual(10);
  });

  it.each(judged.map((query) => [query.kind, query.query, query] as const))('%s “%s”, judged by hand, is consistent with the words read from it', (kind, _query, query) => {
    expect(query.words?.length, 'the words the judge read').toBeGreaterThan(0);
    const having = withWords(query);
    for (const id of query.expected) expect(having, `${id} has ${query.words!.join(' ')}`).toContain(id);
    if (kind === 'nothing') expect(having).toEqual([]);
    else expect(query.expected.length).toBeGreaterThan(0);
    // What is typed is in no article as written, for pinyin and misspelt names; a misspelt name's right form
    // is only in articles' text, never named in their frontmatter.
    if (kind === 'pinyin' || kind === 'body-same-pinyin') {
      expect([...articles.values()].filter(({ text }) => containsAllTerms(text, queryTerms(query.query)))).toEqual([]);
      expect(query.searched).toBe(query.words![0]);
    }
    if (kind === 'body-same-pinyin') expect([...articles.values()].filter(({ named }) => named.includes(query.searched!))).toEqual([]);
  });

  it.each(ruled.map((query) => [query.kind, query.query, query] as const))('%s “%s” lists exactly the matching articles', (_kind, _query, query) => {
    const terms = queryTerms(query.kind === 'traditional' ? toSimplified(query.query) : (query.searched ?? query.query));
    const date = query.kind === 'date-with-year' ? parseDateQuery(query.query) : undefined;
    const days = new Set(date ? dateQueryDays(date) : []);
    const matching = [...articles].filter(([, { text, day }]) => days.has(day) || containsAllTerms(text, terms)).map(([id]) => id);
    expect([...query.expected].sort()).toEqual(matching.sort());
    if (query.kind !== 'nothing') expect(query.expected.length).toBeGreaterThan(0);
    // Only a date query is a date; a same-pinyin query has no results as typed.
    if (query.kind !== 'nothing') expect(parseDateQuery(query.query) !== undefined, 'a date').toBe(query.kind === 'date-with-year');
    if (query.kind === 'same-pinyin') expect([...articles.values()].filter(({ text }) => containsAllTerms(text, queryTerms(query.query)))).toEqual([]);
  });
});
