/**
 * The Markdown pipeline for articles, shared by astro.config.ts and the tests that check it.
 * It is Astro's unified processor, because remark and rehype plugins run only there (Astro 7's default is Rust).
 * Code, not a setting: it is the same for every newsroom, so it is not in the newsroom's config
 * (content/site.yaml), and it is a module of its own because two places import it.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import remarkCjkFriendly from 'remark-cjk-friendly';

export const articleMarkdownProcessor = unified({
  // `**“三化改造”**方面` is bold only with CJK-aware emphasis rules; plain CommonMark leaves the asterisks.
  remarkPlugins: [remarkCjkFriendly],
  // Heading ids that keep Chinese characters (#会议部署), for linkable sections.
  rehypePlugins: [rehypeSlug],
  // SmartyPants would rewrite quotes and dashes: Chinese text keeps its punctuation as written.
  smartypants: false,
});
