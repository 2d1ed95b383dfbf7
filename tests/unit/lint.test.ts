import { describe, expect, it } from 'vitest';
import { applyFixes, lintArchive as lintWithOptions, type LintFile, type LintProblem } from '../../src/lib/article/lint.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';

/** Files of the test newsroom 中原新闻. */
const lintArchive = (files: readonly Omit<LintFile, 'options'>[]) => lintWithOptions(files.map((file) => ({ ...file, options: { columns: ZHONGYUAN.newsroom.columns } })));

const article = (body: string, extra = '', name = '唐善普', title = '测试稿件') =>
  `---\ntitle: ${title}\ndate: 2024-05-06\ncolumn: 时政要闻\nsummary: 导语。\nbyline:\n  - role: 记者\n    name: ${name}\n${extra}---\n${body}\n`;
const rules = (problems: LintProblem[]) => problems.map((p) => [p.rule, p.line, p.column]);

describe('lintArchive', () => {
  it('finds unmatched Chinese quotes and brackets per paragraph, with line and column', () => {
    const problems = lintArchive([{ file: 'a.md', source: article('本报讯 他说：“好。\n\n《通知》要求（全文）。\n\n其中》多了一个。') }]);
    expect(rules(problems)).toEqual([
      ['unmatched-pair', 10, 8],
      ['unmatched-pair', 14, 3],
    ]);
  });

  it('flags half-width punctuation between Chinese characters, and fixes only that', () => {
    const source = article('本报讯 5月6日,中原区召开会议，部署工作;要求:抓落实!是否?ok,yes');
    const problems = lintArchive([{ file: 'a.md', source }]);
    const halfWidth = problems.filter((p) => p.rule === 'half-width-punctuation').map((p) => /半角“(.)”/.exec(p.message)?.[1]);
    // 否?ok and ok,yes are not between two Chinese characters: left alone.
    expect(halfWidth).toEqual([',', ';', ':', '!']);
    expect(applyFixes(source, problems)).toContain('本报讯 5月6日，中原区召开会议，部署工作；要求：抓落实！是否?ok,yes');
  });

  it('reports schema errors as errors with their line', () => {
    const [problem] = lintArchive([{ file: 'a.md', source: article('正文。').replace('date: 2024-05-06', 'date: 2024-02-30') }]);
    expect(problem).toMatchObject({ severity: 'error', rule: 'schema', line: 3 });
    expect(problem!.message).toContain('字段 date');
  });

  it('warns about a byline name that starts another one, unless the editor noted it', () => {
    const files = [
      { file: 'a.md', source: article('正文。', '', '白博文', '稿件甲') },
      { file: 'b.md', source: article('正文。', '', '白博', '稿件乙') },
    ];
    expect(rules(lintArchive(files))).toEqual([['truncated-name', 8, 1]]);
    const noted = [files[0]!, { file: 'b.md', source: article('正文。', '', '白博\n    note: 印刷版如此', '稿件乙') }];
    expect(lintArchive(noted)).toEqual([]);
  });

  it('warns about duplicate titles and slugs, a missing summary, and a missing column on drafts', () => {
    const problems = lintArchive([
      { file: '2024/05/a.md', source: article('正文。') },
      { file: '2024/06/a.md', source: article('正文。').replace('summary: 导语。\n', '').replace('column: 时政要闻\n', 'draft: true\n') },
    ]);
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual([
      '2024/06/a.md duplicate-slug',
      '2024/06/a.md missing-column',
      '2024/06/a.md missing-summary',
      '2024/06/a.md duplicate-title',
    ]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});
