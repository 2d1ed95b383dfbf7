import { describe, expect, it } from 'vitest';
import { median, percentile, seconds } from '../../bench/run.ts';

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
});
