/** A body through the one article pipeline (src/markdown.ts), as the build renders it: what it read of the body. */
import { articleBodyOf, type ArticleBody } from '../../src/lib/article/body.ts';
import { articleRenderer } from '../../src/markdown.ts';

export async function articleBody(markdown: string, fileURL?: URL): Promise<ArticleBody> {
  const { metadata } = await articleRenderer(markdown, { fileURL });
  const body = articleBodyOf(metadata);
  if (!body) throw new Error('the article pipeline read nothing of the body');
  return body;
}

/** The body's text lines for the search index. */
export const bodyTextBlocks = async (markdown: string) => (await articleBody(markdown)).lines;
/** The 导语 derived from the lead paragraph. */
export const deriveSummary = async (markdown: string) => (await articleBody(markdown)).lead;
