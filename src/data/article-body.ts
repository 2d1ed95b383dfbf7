/**
 * An article's body for its page and the feed. The data store keeps no body HTML (it is bundled into every
 * build, and the bodies were nine tenths of it: src/data/articles-loader.ts); the loader keeps each body's HTML
 * beside the store by file digest (lib/archive/index-input.ts), and this reads it back.
 */
import { render } from 'astro:content';
import { archiveSourceDir } from 'virtual:news/settings';
import { readArticleBodyHtml } from '../lib/archive/index-input.ts';
import type { Article } from './archive.ts';

/** The body's HTML as the one Markdown pipeline rendered it. */
export async function articleBodyHtml(article: Article): Promise<string> {
  if (typeof article.digest !== 'string') throw new Error(`文章 ${article.id} 在内容缓存中没有摘要；请删除 node_modules/.astro 后重新构建`);
  return readArticleBodyHtml(archiveSourceDir, article.digest);
}

/** The body for the page: the HTML put back into the entry for Astro's `render`, which resolves its Markdown images as from the store. */
export async function renderArticleBody(article: Article): Promise<Awaited<ReturnType<typeof render>>> {
  const { rendered } = article;
  if (!rendered) throw new Error(`文章 ${article.id} 在内容缓存中没有渲染结果；请删除 node_modules/.astro 后重新构建`);
  return render({ ...article, rendered: { ...rendered, html: await articleBodyHtml(article) } });
}
