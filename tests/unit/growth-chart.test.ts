import { describe, expect, it } from 'vitest';
import { growthChartSvg, niceMaximum, searchChartSvg } from '../../bench/growth-chart.ts';

describe('niceMaximum', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.8, 3, 88.7, 120, 20000].map(niceMaximum)).toEqual([1, 1, 5, 100, 200, 20000]);
  });
});

describe('growthChartSvg', () => {
  it('draws one line per measure through every point, in order of archive size', () => {
    const svg = growthChartSvg([
      { articles: 10000, totalSeconds: 90, pagesSeconds: 45, indexSeconds: 57, contentSeconds: 23, peakGigabytes: 3 },
      { articles: 1000, totalSeconds: 19, pagesSeconds: 7, indexSeconds: 6, contentSeconds: 4, peakGigabytes: 1.4 },
    ]);
    const lines = [...svg.matchAll(/<polyline[^>]*points="([^"]+)"/g)].map((match) => match[1]!.split(' '));
    expect(lines).toHaveLength(5);
    expect(lines.every((points) => points.length === 2)).toBe(true);
    const [first, second] = lines[0]!.map((point) => Number(point.split(',')[0]));
    expect(first).toBeLessThan(second!);
    expect(svg).toContain('总构建时间');
  });
});

describe('searchChartSvg', () => {
  it('draws the first-search bytes on the left axis and the warm times on the right', () => {
    const svg = searchChartSvg([
      { articles: 50000, firstSearchKilobytes: 240, firstSearchMaxKilobytes: 380, warmMs: 90, warmP95Ms: 180 },
      { articles: 5000, firstSearchKilobytes: 230, firstSearchMaxKilobytes: 360, warmMs: 85, warmP95Ms: 170 },
    ]);
    expect([...svg.matchAll(/<polyline/g)]).toHaveLength(4);
    expect(svg).toContain('500 KB');
    expect(svg).toContain('200 ms');
    expect(svg).toContain('首次搜索传输量');
  });
});
