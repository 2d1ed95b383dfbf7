import { urls } from './urls.ts';

/**
 * The e-paper's breadcrumb trail, as deep as the page: 归档 › 数字报 › 年 › 日 › 版. Each step links to its page
 * except the last, which is the page itself. One trail for every page of the e-paper, so that none starts
 * elsewhere or skips a step.
 */
export function editionTrail(at: { year?: number; edition?: { date: string; label: string }; page?: string } = {}): { label: string; href?: string }[] {
  const trail: { label: string; href?: string }[] = [
    { label: '归档', href: urls.archive() },
    { label: '数字报', href: urls.editions() },
    ...(at.year === undefined ? [] : [{ label: `${at.year}年`, href: urls.editionYear(at.year) }]),
    ...(at.edition ? [{ label: at.edition.label, href: urls.edition(at.edition.date) }] : []),
  ];
  if (at.page !== undefined) return [...trail, { label: at.page }];
  const here = trail.pop()!;
  return [...trail, { label: here.label }];
}
