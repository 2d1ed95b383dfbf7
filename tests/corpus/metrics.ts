/** Search-quality measures: recall@5 and mean reciprocal rank, per kind of query and overall. */

export interface EvalQuery {
  kind: string;
  query: string;
  expected: string[];
  /** The article that answers the query best (its headline), where one does. */
  best?: string;
  /** Pairs of articles that must be shown in this order (ranking cases). */
  before?: [string, string][];
  /** What the page searches instead of the query as typed (a same-pinyin word, the half-width form). */
  searched?: string;
}

export interface QueryOutcome extends EvalQuery {
  /** Article ids in the order the search page showed them. */
  results: string[];
  /** The same ids, as the page grouped them by period (one group when the search read a single step). */
  groups: string[][];
  /** Presses of the "more" button the reader needed to see five results (or all there are) and the best one. */
  presses: number;
  /** The status line when the reader stopped. */
  status: string;
}

/** The `before` pairs of a ranking case that the results break (both shown, in the wrong order, or one missing). */
export function brokenOrders(outcome: QueryOutcome): [string, string][] {
  return (outcome.before ?? []).filter(([first, second]) => {
    const a = outcome.results.indexOf(first);
    const b = outcome.results.indexOf(second);
    return a < 0 || b < 0 || a > b;
  });
}

/** Whether the best article was found and ranked first among the results of its period. */
export function bestFirstInItsPeriod(outcome: QueryOutcome): boolean | undefined {
  if (!outcome.best) return undefined;
  return outcome.groups.some((group) => group[0] === outcome.best);
}

/** Share of the expected articles (at most 5) that appear among the first five results. */
export function recallAt5(outcome: QueryOutcome): number {
  if (outcome.expected.length === 0) return outcome.results.length === 0 ? 1 : 0;
  const top = new Set(outcome.results.slice(0, 5));
  const wanted = outcome.expected.slice(0, 5);
  return outcome.expected.filter((id) => top.has(id)).length / wanted.length;
}

/** 1 / rank of the first expected article; for a must-find-nothing query, 1 when nothing was returned. */
export function reciprocalRank(outcome: QueryOutcome): number {
  if (outcome.expected.length === 0) return outcome.results.length === 0 ? 1 : 0;
  const rank = outcome.results.findIndex((id) => outcome.expected.includes(id));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

export interface KindSummary {
  kind: string;
  queries: number;
  recallAt5: number;
  mrr: number;
}

export function summarize(outcomes: readonly QueryOutcome[]): { kinds: KindSummary[]; overall: KindSummary } {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const summary = (kind: string, group: readonly QueryOutcome[]): KindSummary => ({
    kind,
    queries: group.length,
    recallAt5: mean(group.map(recallAt5)),
    mrr: mean(group.map(reciprocalRank)),
  });
  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))].map((kind) =>
    summary(kind, outcomes.filter((outcome) => outcome.kind === kind)),
  );
  return { kinds, overall: summary('overall', outcomes) };
}

/** Over the queries with a best article: how many had it first in its period, and the presses they needed. */
export function summarizeBest(outcomes: readonly QueryOutcome[]): { queries: number; firstInPeriod: number; meanPresses: number } {
  const judged = outcomes.filter((outcome) => outcome.best);
  return {
    queries: judged.length,
    firstInPeriod: judged.filter((outcome) => bestFirstInItsPeriod(outcome)).length,
    meanPresses: judged.reduce((sum, outcome) => sum + outcome.presses, 0) / Math.max(1, judged.length),
  };
}

export function markdownTable({ kinds, overall }: ReturnType<typeof summarize>): string {
  const row = (s: KindSummary) => `| ${s.kind} | ${s.queries} | ${s.recallAt5.toFixed(3)} | ${s.mrr.toFixed(3)} |`;
  return ['| kind | queries | recall@5 | MRR |', '| --- | ---: | ---: | ---: |', ...kinds.map(row), row(overall)].join('\n');
}
