/** Plain-text views of an article body (Markdown as editors write it: paragraphs separated by blank lines). */
import type { Element, ElementContent, Root as HastRoot, RootContent, Text as HastText } from 'hast';
import { toText } from 'hast-util-to-text';

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

// --- The body's text for the search index -------------------------------------------------------------------

/**
 * The text of a body as its page shows it, one block per line, for the search index and the 导语: read from the
 * tree the page's own Markdown pipeline parsed (lib/article/body.ts, after rehype-raw), so list markers, `>`,
 * reference links and their definitions, entities (decoded), HTML tags, comments and the contents of
 * <script>/<style> never reach the index, and what the reader sees is all there.
 *
 * - Blocks (paragraphs, headings, list items, quotes, table rows, captions, <br>) each become a line, by
 *   hast-util-to-text (the HTML `innerText` algorithm); the cells of a row are one line, separated by a space.
 *   Nothing runs together: a query spanning two cells or items still matches (search.ts tolerates white space
 *   between characters), one within a cell or item always does.
 * - Headings are kept, without `#`: they are text the page shows (and the search page marks), and a 小标题 is
 *   often the words a reader remembers.
 * - An image's alt text is kept, as a line of its own: a Markdown image has no caption, so its alt is the one
 *   description of the photo, as the caption is for a frontmatter photo (indexed too); the old index had it.
 * - Footnote definitions are kept, as the page shows them at the end; the calls (a superscript number that
 *   would join the digits before it), the ↩ back-links and the generated “Footnotes” label are not text.
 * - A line break inside a paragraph between two Chinese characters is removed (CSS Text's segment break rule
 *   for Chinese), so a hard-wrapped paragraph keeps its words whole; elsewhere it is a space.
 */
/**
 * Whether a body is only paragraphs and simple `## 小标题` headings, as most news copy is: nothing that could
 * start any other Markdown or HTML (no emphasis, code, link, HTML, entity, escape, table or strikethrough
 * character; no line that could start a list, quote, rule, setext heading or code block; no hard break).
 * Such a body's text is read here as the parsed tree gives it, as fast as a regular expression: reading the tree
 * takes ten times as long. Conservative on purpose: anything else is read from the tree. tests/unit/text.test.ts
 * checks that both ways give the pages' text.
 */
export function isPlainBody(markdown: string): boolean {
  const source = markdown.replace(/\r\n?/g, '\n');
  return !NOT_PLAIN.test(source) && source.split('\n').every((line) => !/^ {0,3}#/.test(line) || PLAIN_HEADING.test(line));
}

const NOT_PLAIN = /[\\`*_[\]<>&~|\t\f\v\0\u200b]|^ {0,3}(?:[-+=:]|\d{1,9}[.)])|^ {4}| {2}$/m;
/** An ATX heading with text and no closing #s (`## 会议要求`); `#郑州暴雨#` is not a heading but is parsed anyway. */
const PLAIN_HEADING = /^ {0,3}#{1,6} +[^#\s][^#]*$/;

/** The lines of a plain body (see isPlain): each heading, and each paragraph with its line breaks joined as the parsed text's are. */
export function plainTextBlocks(markdown: string): string[] {
  const source = markdown.replace(/\r\n?/g, '\n');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const add = (text: string) => {
    const line = text.replace(/[ \t]+/g, ' ').trim();
    if (line) blocks.push(line);
  };
  const endParagraph = () => {
    if (paragraph.length > 0) add(paragraph.join('\n').replace(LINE_BREAK, (breakRun: string, offset: number, value: string) => (removable(value[offset - 1], value[offset + breakRun.length]) ? '' : ' ')));
    paragraph = [];
  };
  for (const line of source.split('\n')) {
    if (/^[ \t]*$/.test(line)) endParagraph();
    else if (PLAIN_HEADING.test(line)) {
      endParagraph();
      add(line.replace(/^ {0,3}#{1,6} +/, ''));
    } else paragraph.push(line);
  }
  endParagraph();
  return blocks;
}

/** The lead paragraph of a plain body (see isPlainBody), as the parsed tree's first paragraph reads. */
export function plainLeadParagraph(source: string): string {
  return bodyParagraphs(source)[0] ?? '';
}

/** The text of a parsed body's first paragraph, as the page shows it (a copy is read: textBlocks changes a tree). */
export function leadParagraphOf(tree: HastRoot): string {
  const first = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
  return first ? textBlocks({ type: 'root', children: [structuredClone(first)] }).join('') : '';
}

/** The lines of a rendered body's tree (see above); it changes the tree, so it is given a copy. */
export function textBlocks(tree: HastRoot): string[] {
  prepareForText(tree);
  return toText(tree)
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** Removes what is markup rather than text, makes each alt text a block, and joins Chinese across line breaks. */
function prepareForText(tree: HastRoot): void {
  const texts: TextInParent[] = [];
  const visit = (parent: HastRoot | Element) => {
    const children: (RootContent | ElementContent)[] = [];
    for (const node of parent.children) {
      if (node.type === 'text') texts.push({ text: node, parent });
      if (node.type !== 'element') {
        children.push(node);
        continue;
      }
      const { properties } = node;
      if (properties.dataFootnoteRef !== undefined || properties.dataFootnoteBackref !== undefined) continue;
      if (node.tagName === 'h2' && parent.type === 'element' && parent.properties.dataFootnotes !== undefined) continue;
      if (node.tagName === 'img') {
        const alt = typeof properties.alt === 'string' ? properties.alt.trim() : '';
        if (!alt) continue;
        const block: Element = { type: 'element', tagName: 'div', properties: {}, children: [{ type: 'text', value: alt }] };
        texts.push({ text: block.children[0] as HastText, parent: block });
        children.push(block);
        continue;
      }
      // Preformatted text keeps its line breaks; not-rendered elements (<script>, <style>) are left to toText, which skips them.
      if (node.tagName !== 'pre') visit(node);
      // A table is a block (display: table), but toText does not break around one: two tables would join.
      children.push(node.tagName === 'table' ? { type: 'element', tagName: 'div', properties: {}, children: [node] } : node);
    }
    parent.children = children as typeof parent.children;
  };
  visit(tree);
  joinChineseLineBreaks(texts);
}

interface TextInParent {
  text: HastText;
  parent: HastRoot | Element;
}

/** Han, kana, CJK punctuation and full-width forms: East Asian Wide or Fullwidth characters, not Hangul. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** Punctuation of East Asian Width “Ambiguous” used in Chinese text: quotes, dashes, ellipsis, middle dot. */
const AMBIGUOUS_PUNCTUATION = /[\u00b7\u2014\u2015\u2018\u2019\u201c\u201d\u2026]/u;
const LINE_BREAK = /[ \t]*\n[ \t]*/g;

function removable(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  return (WIDE.test(before) && (WIDE.test(after) || AMBIGUOUS_PUNCTUATION.test(after))) || (WIDE.test(after) && AMBIGUOUS_PUNCTUATION.test(before));
}

/**
 * CSS Text 3 §4.1.2: a segment break between two wide characters, or between a wide character and Chinese
 * punctuation of ambiguous width, is removed (hast-util-to-text makes every one a space). The characters on
 * either side may be in neighbouring text nodes (`**加粗**\n续行`), so the texts come in document order; a text
 * left empty is removed, since toText would make even an empty text a space.
 */
function joinChineseLineBreaks(texts: readonly TextInParent[]): void {
  const emptied = new Set<HastRoot | Element>();
  // A file written on Windows has CRLF line ends, which the parser keeps in the text.
  for (const { text } of texts) if (text.value.includes('\r')) text.value = text.value.replace(/\r\n?/g, '\n');
  texts.forEach(({ text, parent }, index) => {
    if (!text.value.includes('\n')) return;
    text.value = text.value.replace(LINE_BREAK, (breakRun: string, offset: number, value: string) => {
      const before = offset > 0 ? value[offset - 1] : lastCharacter(texts, index - 1);
      const end = offset + breakRun.length;
      const after = end < value.length ? value[end] : firstCharacter(texts, index + 1);
      return removable(before, after) ? '' : breakRun;
    });
    if (!text.value) emptied.add(parent);
  });
  for (const parent of emptied) {
    parent.children = parent.children.filter((node) => node.type !== 'text' || node.value !== '') as typeof parent.children;
  }
}

function lastCharacter(texts: readonly TextInParent[], from: number): string | undefined {
  for (let index = from; index >= 0; index--) {
    const value = texts[index]!.text.value.replace(/[ \t\n]+$/, '');
    if (value) return value.at(-1);
  }
  return undefined;
}

function firstCharacter(texts: readonly TextInParent[], from: number): string | undefined {
  for (let index = from; index < texts.length; index++) {
    const value = texts[index]!.text.value.replace(/^[ \t\n]+/, '');
    if (value) return value[0];
  }
  return undefined;
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
 * The 导语 when the editor wrote none: the lead paragraph's text without its dateline, cut after the last full
 * sentence or clause that fits in `maxLength` characters.
 */
export function summaryOfLead(leadParagraph: string, maxLength = 120): string {
  const lead = leadParagraph.replace(DATELINE, '');
  if (lead.length <= maxLength) return lead;
  const window = lead.slice(0, maxLength);
  const sentenceEnd = Math.max(...['。', '！', '？', '；', ';'].map((mark) => window.lastIndexOf(mark)));
  if (sentenceEnd >= maxLength / 2) return window.slice(0, sentenceEnd + 1);
  const clauseEnd = Math.max(...['，', ',', '、'].map((mark) => window.lastIndexOf(mark)));
  return `${window.slice(0, clauseEnd >= maxLength / 2 ? clauseEnd : maxLength)}……`;
}
