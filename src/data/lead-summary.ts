/**
 * Where an article's derived 导语 is kept: in the metadata of its rendered Markdown, written when the article is
 * rendered (src/data/articles-loader.ts), because the data store keeps no body to derive it from later.
 */
export const LEAD_SUMMARY = 'leadSummary';

export function storedLeadSummary(rendered: { metadata?: Record<string, unknown> } | undefined): string | undefined {
  const lead = rendered?.metadata?.[LEAD_SUMMARY];
  return typeof lead === 'string' ? lead : undefined;
}
