/**
 * The one Markdown pipeline for articles: the page's HTML, and in the same parse the body's checks, text and
 * 导语 (lib/article/body.ts). Astro renders with it (astro.config.ts; the articles loader calls Astro's
 * renderMarkdown); the editor commands and the tests that read bodies outside a build render with the same
 * pipeline through articleRenderer.
 * It is Astro's unified processor, because remark and rehype plugins run only there (Astro 7's default is Rust).
 * Code, not a setting: it is the same for every newsroom, so it is not in the newsroom's config.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { rehypeArticleBody, remarkArticleBody } from './lib/article/body.ts';
import { dirname } from 'node:path';
import { readArchive, renderArticle, type ReadArchiveOptions, type RenderedArticle, type RenderMarkdown, type SourceArticle } from './lib/archive/source.ts';
import { formatProblem, type ArticleProblem } from './lib/article/file.ts';
import { archiveEntry, indexedArticle, indexedTextWriter, writeArchiveList } from './lib/archive/index-input.ts';
import { byPlace } from './lib/order.ts';
import { photoFileProblem } from './lib/article/image-type.ts';

export const articleMarkdownProcessor = unified({
  // `**“三化改造”**方面` is bold only with CJK-aware emphasis rules; plain CommonMark leaves the asterisks.
  // Then the body's addresses and raw HTML are checked on the tree just parsed; a Markdown image beside the
  // article must be there and be an image, as a frontmatter photo must.
  remarkPlugins: [remarkCjkFriendly, [remarkArticleBody, { imageProblem: (path: string, src: string) => photoFileProblem(dirname(path), src) }]],
  // Heading ids that keep Chinese characters (#会议部署), for linkable sections; then the text and the 导语.
  rehypePlugins: [rehypeSlug, rehypeArticleBody],
  // SmartyPants would rewrite quotes and dashes: Chinese text keeps its punctuation as written.
  smartypants: false,
});


let renderer: ReturnType<typeof articleMarkdownProcessor.createRenderer> | undefined;

/**
 * The pipeline outside a build (editor commands, tests): the same plugins; no syntax highlighting, which
 * only wraps code in spans and changes neither a check nor the text.
 */
export const articleRenderer: RenderMarkdown = async (body, { fileURL }) => {
  renderer ??= articleMarkdownProcessor.createRenderer({ syntaxHighlight: false });
  const { code, metadata } = await (await renderer).render(body, { fileURL });
  return { html: code, metadata: { ...metadata, imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths] } };
};

/** An article of the archive with what the pipeline read of its body. */
export type RenderedSourceArticle = SourceArticle & { rendered: RenderedArticle };

/**
 * Every article of `dir`, read by the archive's source and rendered by this pipeline, for the tools and tests
 * that need the bodies outside a build; problems of any file are collected, not thrown.
 */
export async function readRenderedArchive(dir: string, options: Omit<ReadArchiveOptions, 'kept'>): Promise<{ articles: RenderedSourceArticle[]; problems: ArticleProblem[] }> {
  const source = readArchive(dir, options);
  const articles: RenderedSourceArticle[] = [];
  const problems = [...source.problems];
  for (const article of source.articles) {
    if (article.kept) continue;
    const rendered = await renderArticle(article, articleRenderer);
    if (rendered.ok) articles.push({ ...article, rendered: rendered.rendered });
    else problems.push(...rendered.problems);
  }
  return { articles, problems: problems.sort(byPlace) };
}

/**
 * Writes what the search indexer reads (lib/archive/index-input.ts) for the archive in `dir`, as the articles loader
 * writes it during a build: for the tools and tests that run the indexer on its own.
 */
export async function writeIndexInput(dir: string, inputDir: string, options: Omit<ReadArchiveOptions, 'kept'>): Promise<void> {
  const { articles, problems } = await readRenderedArchive(dir, options);
  if (problems.length) throw new Error(`文章有误：\n${problems.map(formatProblem).join('\n')}`);
  const texts = indexedTextWriter(inputDir);
  for (const article of articles) texts.write(article.digest, indexedArticle(article.data, article.rendered.body.lines), article.rendered.html);
  await texts.done();
  writeArchiveList(inputDir, { builtAt: options.now.toISOString(), articles: articles.map(archiveEntry) });
}
