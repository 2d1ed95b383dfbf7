import { describe, expect, it } from 'vitest';
import { archiveChart, fillMonths } from '../../src/lib/archive/chart.ts';

describe('archive chart', () => {
  it('fills months without articles with zero, across a year boundary', () => {
    expect(fillMonths([{ year: 2024, month: 2, count: 3 }, { year: 2023, month: 11, count: 1 }])).toEqual([
      { year: 2023, month: 11, count: 1 },
      { year: 2023, month: 12, count: 0 },
      { year: 2024, month: 1, count: 0 },
      { year: 2024, month: 2, count: 3 },
    ]);
    expect(fillMonths([])).toEqual([]);
  });

  it('scales the bars to the busiest month and labels where each year starts', () => {
    const chart = archiveChart([{ year: 2023, month: 12, count: 2 }, { year: 2024, month: 1, count: 4 }], 200, 100);
    const [december, january] = chart.bars;
    expect(chart.maxCount).toBe(4);
    expect(january!.height).toBeCloseTo(chart.baseline - chart.plotTop, 0);
    expect(december!.height).toBeCloseTo(january!.height / 2, 0);
    expect(january!.y + january!.height).toBeCloseTo(chart.baseline, 0);
    expect(chart.years.map((year) => year.year)).toEqual([2023, 2024]);
  });
});
