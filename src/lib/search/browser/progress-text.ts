/**
 * The search's progress in words: the status line under the search box and the label of the "more" button,
 * from what the walk over the parts (plan.ts) holds. Reader-facing text only; the walk knows nothing of it.
 */
import { partsPeriodLabel } from '../parts-manifest.ts';
import type { PartedSearch, TierWords } from './plan.ts';

/** How the search is going, in words, for the status line. */
export interface SearchProgress {
  /** The query as searched, e.g. 燃气 检查. */
  query: string;
  /** The filters and sort in words, e.g. （栏目“时政”，按时间排序）, or ''. */
  where: string;
  /** The query as typed, when it was searched in simplified characters instead. */
  convertedFrom?: string;
  /** The query as typed, when it found nothing and a query of the same pinyin is searched instead. */
  samePinyinFrom?: string;
  /** Said before that, when the typed query was searched only in some periods: 已查找2024年至2025年的报道， */
  samePinyinScope?: string;
  /** For a query that is a date: the period in words (2024年5月) and how many articles were published then. */
  dated?: { period: string; count: number };
  search: Pick<PartedSearch, 'matchCount' | 'exactCount' | 'wordCount' | 'tierWords' | 'complete' | 'searchedParts' | 'remainingParts' | 'openedStepsChecked'>;
}

/** The second tier in words: 同时包含“安全生产”“调研”, 包含“5月6日”, 2024年发布、包含“5月6日”. */
export function describeWords({ words, filters }: TierWords): string {
  const quoted = words.map((word) => `“${word}”`).join('');
  const year = filters?.year ? `${filters.year}年发布、` : '';
  return `${year}${words.length > 1 ? '同时' : ''}包含${quoted}`;
}

export function describeProgress({ query, where, convertedFrom, samePinyinFrom, samePinyinScope, dated, search }: SearchProgress): string {
  const what = `“${query}”`;
  const converted =
    (dated ? (dated.count ? `${dated.period}发布的报道${where}共 ${dated.count} 篇。` : `${dated.period}没有发布的报道${where}。`) : '') +
    (convertedFrom ? `已把“${convertedFrom}”按简体${what}查找。` : '') +
    // Which periods the query as typed was searched in is said once: here, or by the sentence that follows.
    (samePinyinFrom ? `${search.complete ? (samePinyinScope ?? '') : ''}没有找到“${samePinyinFrom}”，以下是${what}的结果。` : '');
  const count = search.matchCount;
  const exact = search.exactCount;
  const words = search.wordCount;
  const tier = search.tierWords && words > 0 ? describeWords(search.tierWords) : '';
  // The second tier after the first: “，另有 12 篇同时包含“安全生产”“调研”” (or, alone, its own sentence).
  const also = tier ? `，另有 ${words} 篇${tier}` : '';
  if (search.complete && dated?.count) {
    // The articles of the date are the answer; the text matches, if any, come after them.
    if (count === 0) return `${converted}没有找到文字包含${what}的报道。`;
    return exact ? `${converted}另找到 ${exact} 篇文字包含${what}的报道${also}。` : `${converted}没有找到文字包含${what}的报道；另有 ${words} 篇${tier}的报道。`;
  }
  if (search.complete) {
    if (count === 0) return `${converted}没有找到包含${what}的报道${where}。可以换个说法，或减少搜索词、筛选条件。`;
    return exact ? `${converted}找到 ${exact} 篇包含${what}的报道${where}${also}。` : `${converted}没有找到包含${what}的报道${where}；找到 ${words} 篇${tier}的报道。`;
  }
  const remaining = search.remainingParts;
  // Candidates of the opened steps are left to check: there may be more (or, when none matched yet, some).
  const unchecked = !search.openedStepsChecked;
  if (remaining.length === 0) {
    if (count === 0) return `${converted}暂未找到包含${what}的报道${where}，可以继续查找。`;
    return exact
      ? `${converted}已找到 ${exact} 篇包含${what}的报道${where}${also}，还有更多。`
      : `${converted}暂未找到包含${what}的报道${where}；已找到 ${words} 篇${tier}的报道，还有更多。`;
  }
  const searched = `已查找${partsPeriodLabel(search.searchedParts)}的报道，`;
  const found =
    count === 0
      ? unchecked
        ? `暂未找到包含${what}的报道${where}，可以继续查找`
        : `没有找到包含${what}的报道${where}`
      : exact
        ? `${unchecked ? '目前' : ''}找到 ${exact} 篇包含${what}的报道${where}${also}${unchecked ? '，还有更多' : ''}`
        : `${unchecked ? '暂未' : '没有'}找到包含${what}的报道${where}；${unchecked ? '目前' : ''}找到 ${words} 篇${tier}的报道${unchecked ? '，还有更多' : ''}`;
  return `${converted}${searched}${found}。${partsPeriodLabel(remaining)}的报道还没有查找。`;
}

/** What the "more" button does next, in words. */
export function moreLabel(search: Pick<PartedSearch, 'openedStepsChecked' | 'nextStep' | 'matchCount'>): string {
  const next = search.nextStep;
  if (search.openedStepsChecked && next) return `查找更早的报道（${partsPeriodLabel(next)}）`;
  return search.matchCount === 0 ? '继续查找' : '显示更多结果';
}
