/** Search-quality measures: recall@5 and mean reciprocal rank, per kind of query and overall. */

export interface EvalQuery {
  kind: string;
  query: string;
  expected: string[];
}

export interface QueryOutcome extends EvalQuery {
  /** Article ids in the order the search page showed them. */
  results: string[];
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

export function markdownTable({ kinds, overall }: ReturnType<typeof summarize>): string {
  const row = (s: KindSummary) => `| ${s.kind} | ${s.queries} | ${s.recallAt5.toFixed(3)} | ${s.mrr.toFixed(3)} |`;
  return ['| kind | queries | recall@5 | MRR |', '| --- | ---: | ---: | ---: |', ...kinds.map(row), row(overall)].join('\n');
}
