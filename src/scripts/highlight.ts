/**
 * Arriving from a search result (`?q=…`), marks every occurrence of the searched terms in the article
 * and scrolls to the first. Matching is the same as the search page's (lib/search/browser/match.ts), so what was found
 * is what is marked, character for character, which word-based highlighters miss in Chinese text.
 */
import { matchRanges } from '../lib/search/browser/match.ts';
import { queryTerms } from '../lib/search/browser/query.ts';

/** The parts of an article page that are searched (lib/search/build/records.ts indexedText): no byline, tags or notes. */
const SEARCHED_PARTS = '.article__kicker, .article__title, .article__subtitle, .article__body, .correction';

export function highlightSearchTerms(root: ParentNode = document): void {
  const terms = queryTerms(new URLSearchParams(location.search).get('q') ?? '');
  const parts = [...root.querySelectorAll(SEARCHED_PARTS)];
  if (terms.length === 0 || parts.length === 0) return;

  const textNodes: Text[] = [];
  for (const part of parts) {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('[hidden], script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  }

  const marks: HTMLElement[] = [];
  for (const node of textNodes) {
    const text = node.data;
    const ranges = matchRanges(text, terms);
    if (ranges.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let cursor = 0;
    for (const [from, to] of ranges) {
      fragment.append(text.slice(cursor, from));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(from, to);
      fragment.append(mark);
      marks.push(mark);
      cursor = to;
    }
    fragment.append(text.slice(cursor));
    node.replaceWith(fragment);
  }
  marks[0]?.scrollIntoView({ block: 'center' });
}
