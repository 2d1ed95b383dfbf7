/**
 * Two steps of the one Markdown pipeline that renders an article's page (src/markdown.ts): while the body is
 * parsed for the page, they check it (lib/html-safety/unsafe-html.ts: addresses on the mdast, raw HTML on the hast) and read
 * its text for the search index and the 导语 (lib/article/text.ts), so that nothing parses a body a second time.
 *
 * What they found travels with the rendered result, in the Markdown metadata's `frontmatter` (the channel Astro
 * documents for remark and rehype plugins): `articleBodyOf` takes it out before the result is stored.
 * Lines of problems are the rendered text's (line 1 is its first line); the caller knows where it is in the file.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';
import { isPlainBody, leadParagraphOf, plainLeadParagraph, plainTextBlocks, summaryOfLead, textBlocks } from './text.ts';
import { BodyCheck, markGenerated, MAY_HAVE_HTML_OR_LINK, type UnsafeHtml } from '../html-safety/unsafe-html.ts';

/** What the pipeline read of a body. */
export interface ArticleBody {
  /** The body's text, one block per line, as the page shows it (lib/article/text.ts). */
  lines: string[];
  /** The 导语 derived from the lead paragraph, for an article whose editor wrote none. */
  lead: string;
  /** Raw HTML and addresses the site refuses (lib/html-safety/html-policy.ts), in the rendered text's lines. */
  problems: UnsafeHtml[];
}

/** The key of the metadata's frontmatter under which the pipeline leaves an ArticleBody. */
export const ARTICLE_BODY = 'newsArticleBody';

export interface ArticleBodyOptions {
  /** What is wrong with a Markdown image's relative path, beside the article file at `articlePath`. */
  imageProblem?: (articlePath: string, src: string) => string | undefined;
}

interface BodyState {
  plain: boolean;
  check?: BodyCheck;
  /** Whether the mdast has raw HTML, which only the hast, once parsed, shows as elements. */
  hasHtml: boolean;
}

const STATE = 'newsArticleBodyState';

/** The remark step: addresses and raw HTML's places, on the mdast the pipeline parsed. */
export function remarkArticleBody(options: ArticleBodyOptions = {}) {
  return (tree: MdastRoot, file: VFile) => {
    const source = String(file.value);
    const plain = isPlainBody(source);
    let state: BodyState = { plain, hasHtml: false };
    if (!plain && MAY_HAVE_HTML_OR_LINK.test(source)) {
      const path = file.path;
      const imageProblem = path && options.imageProblem ? (src: string) => options.imageProblem!(path, src) : undefined;
      const check = new BodyCheck(source, imageProblem);
      state = { plain, check, hasHtml: check.markdown(tree) };
    }
    file.data[STATE] = state;
  };
}

/**
 * The rehype step (after the pipeline's own, before Astro's rehype-raw): the text and the lead, read from a copy
 * of the tree with its raw HTML parsed, and that HTML checked; the page's tree is left as it is.
 */
export function rehypeArticleBody() {
  return (tree: HastRoot, file: VFile) => {
    const state = (file.data[STATE] as BodyState | undefined) ?? { plain: isPlainBody(String(file.value)), hasHtml: false };
    delete file.data[STATE];
    let body: ArticleBody;
    if (state.plain) {
      const source = String(file.value);
      body = { lines: plainTextBlocks(source), lead: summaryOfLead(plainLeadParagraph(source)), problems: [] };
    } else {
      let copy = structuredClone(tree);
      if (state.hasHtml && state.check) {
        markGenerated(copy);
        copy = rehypeRaw()(copy, file) as HastRoot;
        state.check.html(copy);
      }
      const lead = summaryOfLead(leadParagraphOf(copy));
      body = { lines: textBlocks(copy), lead, problems: state.check?.problems() ?? [] };
    }
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    (astro.frontmatter ??= {})[ARTICLE_BODY] = body;
  };
}

/** Takes the pipeline's ArticleBody out of rendered metadata (it is not kept with the page); undefined if none. */
export function articleBodyOf(metadata: { frontmatter?: Record<string, unknown> }): ArticleBody | undefined {
  const body = metadata.frontmatter?.[ARTICLE_BODY] as ArticleBody | undefined;
  if (metadata.frontmatter) delete metadata.frontmatter[ARTICLE_BODY];
  return body;
}
