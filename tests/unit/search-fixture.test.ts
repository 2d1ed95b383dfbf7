/**
 * The search-evaluation fixture is only worth its numbers if its expected lists are right: each must be
 * exactly the articles whose indexed text (headline, text, captions, tags, byline) contains every term —
 * traditional queries after 繁→简 conversion, same-pinyin and full-width ones as the word searched instead —
 * and, for a date, also the articles published then.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/lib/article-file.ts';
import { dateQueryDays, parseDateQuery } from '../../src/lib/date-query.ts';
import { isoDay } from '../../src/lib/dates.ts';
import { indexedText } from '../../src/lib/search-index.ts';
import { containsAllTerms } from '../../src/lib/search.ts';
import { queryTerms } from '../../src/lib/search-query.ts';
import type { EvalQuery } from '../corpus/metrics.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

function loadArticles(root: string): Map<string, { text: string; day: string }> {
  const texts = new Map<string, { text: string; day: string }>();
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'))) {
    const parsed = parseArticleFile(readFileSync(join(root, file), 'utf8'), join(root, file), { columns: ZHONGYUAN.newsroom.columns });
    if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((problem) => problem.message).join('; ')}`);
    texts.set(file.replace(/\.md$/, ''), { text: indexedText(parsed.data, parsed.body), day: isoDay(parsed.data.date) });
  }
  return texts;
}

const articles = new Map([...loadArticles(ZHONGYUAN.articles), ...loadArticles('tests/fixtures/search-corpus')]);
const queries = JSON.parse(readFileSync('tests/fixtures/search-queries.json', 'utf8')) as EvalQuery[];

describe('search-evaluation fixture', () => {
  it('has at least 40 articles over several years and every column, and at least 80 queries of every kind', () => {
    expect(articles.size).toBeGreaterThanOrEqual(40);
    expect(new Set([...articles.keys()].map((id) => id.slice(0, 4))).size).toBeGreaterThanOrEqual(5);
    expect(queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(queries.map((query) => query.kind))).toEqual(
      new Set(['phrase', 'fragment', 'name', 'two-terms', 'date-number', 'traditional', 'nothing', 'byline', 'full-width', 'same-pinyin', 'date-with-year', 'ranking', 'markdown-text']),
    );
  });

  it.each(queries.map((query) => [query.kind, query.query, query] as const))('%s “%s” lists exactly the matching articles', (_kind, _query, query) => {
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
