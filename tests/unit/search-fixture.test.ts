/**
 * The search-evaluation fixture is only worth its numbers if its expected lists are right: each must be
 * exactly the articles whose text contains every term (traditional queries after 繁→简 conversion).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/lib/article-file.ts';
import { containsAllTerms, queryTerms } from '../../src/lib/search.ts';
import { bodyParagraphs } from '../../src/lib/text.ts';
import type { EvalQuery } from '../corpus/metrics.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

function loadArticles(root: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'))) {
    const parsed = parseArticleFile(readFileSync(join(root, file), 'utf8'), join(root, file));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((problem) => problem.message).join('; ')}`);
    const { title, subtitle = '', kicker = '' } = parsed.data;
    texts.set(file.replace(/\.md$/, ''), [kicker, title, subtitle, ...bodyParagraphs(parsed.body)].join(''));
  }
  return texts;
}

const articles = new Map([...loadArticles('content/articles'), ...loadArticles('tests/fixtures/search-corpus')]);
const queries = JSON.parse(readFileSync('tests/fixtures/search-queries.json', 'utf8')) as EvalQuery[];

describe('search-evaluation fixture', () => {
  it('has at least 40 articles over several years and every column, and at least 80 queries of every kind', () => {
    expect(articles.size).toBeGreaterThanOrEqual(40);
    expect(new Set([...articles.keys()].map((id) => id.slice(0, 4))).size).toBeGreaterThanOrEqual(5);
    expect(queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(queries.map((query) => query.kind))).toEqual(
      new Set(['phrase', 'fragment', 'name', 'two-terms', 'date-number', 'traditional', 'nothing']),
    );
  });

  it.each(queries.map((query) => [query.kind, query.query, query] as const))('%s “%s” lists exactly the matching articles', (_kind, _query, query) => {
    const terms = queryTerms(query.kind === 'traditional' ? toSimplified(query.query) : query.query);
    const matching = [...articles].filter(([, text]) => containsAllTerms(text, terms)).map(([id]) => id);
    expect([...query.expected].sort()).toEqual(matching.sort());
    if (query.kind !== 'nothing') expect(query.expected.length).toBeGreaterThan(0);
  });
});
