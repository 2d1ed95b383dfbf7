import { describe, expect, it } from 'vitest';
import { describeChange, dueChanges, nextChange, siteChanges } from '../../src/lib/publishing/schedule.ts';

const at = (text: string) => new Date(text);
const embargoed = { file: '2025/06/embargo.md', date: at('2025-06-20T09:30:00+08:00'), draft: false };
const published = { file: '2025/06/old.md', date: at('2025-06-17T08:00:00+08:00'), draft: false };
const draft = { file: '2025/06/draft.md', date: at('2025-06-20T09:00:00+08:00'), draft: true };

describe('dueChanges', () => {
  const lastDeploy = at('2025-06-20T09:00:00+08:00');

  it('an embargo at 09:30 is due at 09:31, not at 09:29', () => {
    expect(dueChanges([embargoed], lastDeploy, at('2025-06-20T09:29:00+08:00'))).toEqual([]);
    expect(dueChanges([embargoed], lastDeploy, at('2025-06-20T09:31:00+08:00'))).toEqual([
      { at: embargoed.date, reason: 'embargo-ends', file: embargoed.file },
    ]);
    // At 09:30 exactly a build includes it (isPublished: dated not after the build).
    expect(dueChanges([embargoed], lastDeploy, embargoed.date)).toHaveLength(1);
  });

  it('is not due again once a deploy after its time has published it', () => {
    expect(dueChanges([embargoed], at('2025-06-20T09:31:00+08:00'), at('2025-06-20T10:00:00+08:00'))).toEqual([]);
  });

  it('is due when an article leaves the news sitemap’s two days', () => {
    // It left on 19 June at 08:00, before the last deploy: nothing to do.
    expect(dueChanges([published], lastDeploy, at('2025-06-20T09:30:00+08:00'))).toEqual([]);
    const later = dueChanges([published], at('2025-06-19T07:00:00+08:00'), at('2025-06-19T08:30:00+08:00'));
    expect(later).toEqual([{ at: at('2025-06-19T08:00:00+08:00'), reason: 'leaves-news-sitemap', file: published.file }]);
  });

  it('never for a draft', () => {
    expect(siteChanges([draft])).toEqual([]);
    expect(dueChanges([draft], lastDeploy, at('2025-06-30T00:00:00+08:00'))).toEqual([]);
  });
});

describe('nextChange', () => {
  it('is the earliest change after now', () => {
    const now = at('2025-06-20T09:00:00+08:00');
    expect(nextChange([published, embargoed, draft], now)).toEqual({ at: embargoed.date, reason: 'embargo-ends', file: embargoed.file });
    expect(nextChange([published], at('2025-06-30T00:00:00+08:00'))).toBeUndefined();
  });

  it('describes itself in Chinese', () => {
    const change = nextChange([embargoed], at('2025-06-20T09:00:00+08:00'))!;
    expect(describeChange(change, () => '6月20日 09:30')).toBe('6月20日 09:30 定时发布时间已到：2025/06/embargo.md');
  });
});
