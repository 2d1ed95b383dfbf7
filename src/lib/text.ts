/** Plain-text views of an article body (Markdown as editors write it: paragraphs separated by blank lines). */

/** An ATX heading line (`## 会议要求`); `#郑州暴雨#`, a topic tag without a space, is text. */
const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t].*)?$/gm;

/**
 * Paragraphs of a Markdown body as plain text: headings, inline emphasis, links and HTML tags removed. A
 * heading directly above its paragraph (no blank line between) leaves the paragraph.
 */
export function bodyParagraphs(markdown: string): string[] {
  return markdown
    .split(/\r?\n\s*\r?\n/)
    .map((block) => stripInlineMarkdown(block.replace(/\r$/gm, '').replace(HEADING_LINE, '').replace(/\n/g, '')).trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** Every block of a Markdown body as plain text, headings included (without their #), for the search index. */
export function bodyBlocks(markdown: string): string[] {
  return markdown
    .split(/\r?\n\s*\r?\n/)
    .map((block) => stripInlineMarkdown(block.replace(/^#{1,6}\s+/, '').replace(/\r?\n/g, '')).trim())
    .filter((block) => block.length > 0);
}

function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|`)/g, '');
}

/** The 本报讯 dateline opens the lead paragraph; a summary reads better without it. */
const DATELINE = /^本报讯\s*(?:[(（][^)）]*[)）])?\s*/;

/**
 * Whether a body has anything to read: a paragraph with a letter or a digit, beyond headings, HTML comments,
 * rules and a bare 本报讯 dateline (what `npm run new` starts a draft with).
 */
export function hasBodyText(markdown: string): boolean {
  return bodyParagraphs(markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, '')).some((paragraph) => /[\p{L}\p{N}]/u.test(paragraph.replace(DATELINE, '')));
}

/**
 * The 导语 when the editor wrote none: the lead paragraph without its dateline, cut after the last
 * full sentence or clause that fits in `maxLength` characters.
 */
export function deriveSummary(markdown: string, maxLength = 120): string {
  const lead = (bodyParagraphs(markdown)[0] ?? '').replace(DATELINE, '');
  if (lead.length <= maxLength) return lead;
  const window = lead.slice(0, maxLength);
  const sentenceEnd = Math.max(...['。', '！', '？', '；', ';'].map((mark) => window.lastIndexOf(mark)));
  if (sentenceEnd >= maxLength / 2) return window.slice(0, sentenceEnd + 1);
  const clauseEnd = Math.max(...['，', ',', '、'].map((mark) => window.lastIndexOf(mark)));
  return `${window.slice(0, clauseEnd >= maxLength / 2 ? clauseEnd : maxLength)}……`;
}
