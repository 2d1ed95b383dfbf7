/**
 * Bylines (署名) as Chinese newspapers print them: `记者 唐善普`, `通讯员 白博文/图`.
 * The role says who the person is to the paper; the credit (/图, /文) says what they contributed.
 */

export const BYLINE_ROLES = ['记者', '特约记者', '实习生', '通讯员', '摄影', '编辑'] as const;
export type BylineRole = (typeof BYLINE_ROLES)[number];

/** `/图` photo, `/文` text, `/文图` (also printed 文/图) both. */
export const BYLINE_CREDITS = ['文', '图', '文图'] as const;
export type BylineCredit = (typeof BYLINE_CREDITS)[number];

export interface BylineEntry {
  role: BylineRole;
  name: string;
  credit?: BylineCredit;
  /** Editor's remark on the name, e.g. that the print edition may have cut it short. */
  note?: string;
}

export interface BylineGroup {
  role: BylineRole;
  people: { name: string; credit?: BylineCredit }[];
}

/** Groups entries by role in print order (记者 before 通讯员), keeping each role's names in their order. */
export function groupByline(byline: readonly BylineEntry[]): BylineGroup[] {
  const groups = new Map<BylineRole, BylineGroup>();
  for (const entry of byline) {
    const group = groups.get(entry.role) ?? { role: entry.role, people: [] };
    group.people.push({ name: entry.name, credit: entry.credit });
    groups.set(entry.role, group);
  }
  return [...groups.values()].sort((a, b) => BYLINE_ROLES.indexOf(a.role) - BYLINE_ROLES.indexOf(b.role));
}

/** The byline as one printed line: `记者 唐善普 通讯员 白博文/图`. */
export function formatByline(byline: readonly BylineEntry[]): string {
  return groupByline(byline)
    .map((group) => `${group.role} ${group.people.map(formatPerson).join(' ')}`)
    .join(' ');
}

export function formatPerson(person: { name: string; credit?: BylineCredit }): string {
  return person.credit ? `${person.name}/${person.credit}` : person.name;
}

/** Everyone who photographed for the article (`/图`, `/文图`, or the 摄影 role). */
export function photographers(byline: readonly BylineEntry[]): string[] {
  return byline
    .filter((entry) => entry.role === '摄影' || entry.credit === '图' || entry.credit === '文图')
    .map((entry) => entry.name);
}

/** People who wrote or reported: every byline name except editors. */
export function reporterNames(byline: readonly BylineEntry[]): string[] {
  return [...new Set(byline.filter((entry) => entry.role !== '编辑').map((entry) => entry.name))];
}
