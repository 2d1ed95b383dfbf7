import { describe, expect, it } from 'vitest';
import { byKind, median, percentile, seconds } from '../../bench/run.ts';

describe('bench figures', () => {
  it('reads Astro durations in ms, s and minutes', () => {
    const read = (text: string) => seconds(/in (.*)\./.exec(`Completed in ${text}.`));
    expect(read('850ms')).toBe(0.85);
    expect(read('23.09s')).toBe(23.09);
    expect(read('1m 32s')).toBe(92);
    expect(read('')).toBeUndefined();
  });

  it('takes medians and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95)).toBe(19);
  });

  it('gives the figures of each kind of query', () => {
    const query = (kind: 'word' | 'pinyin', ms: number, gzippedBytes = 0) => ({ query: 'q', kind, status: '', results: 1, ms, bytes: gzippedBytes, gzippedBytes, requests: 1, lexiconBytes: 0 });
    const measured = {
      phoneFirstSearch: [],
      firstSearch: [query('word', 1, 100), query('word', 1, 300), query('pinyin', 1, 50)],
      warmSearch: [query('word', 10), query('word', 30), query('pinyin', 70)],
      warmSubmittedAtOnce: [query('word', 20), query('word', 40), query('pinyin', 90)],
      wholeArchiveFirst: [],
      wholeArchiveWarm: [],
    };
    const kinds = byKind(measured);
    expect(Object.keys(kinds)).toEqual(['word', 'pinyin']);
    expect(kinds.word).toEqual({ queries: 2, firstSearchGzippedBytes: { median: 200, max: 300 }, warmMs: { median: 20, p95: 30 }, warmSubmittedAtOnceMs: { median: 30, p95: 40 } });
  });
});
