/**
 * HTML in an article body that would change what the page does, or that the page cannot show.
 *
 * Markdown lets editors write raw HTML (a table, <sup>2</sup>), so raw HTML is allowed, but only a small set
 * of elements and attributes that format text. The body is checked on the trees of the one Markdown pipeline that
 * renders the page (src/markdown.ts, lib/article/body.ts): its mdast, then its hast with the raw HTML parsed by
 * the HTML spec parser (rehype-raw, parse5) in a copy. What is checked is therefore the tree the browser gets: entities are decoded (`&#106;avascript:`), tags may be uppercase or
 * split across lines, code is text and HTML comments are comments, all for free.
 *
 * Then it is an allowlist, not a list of known attacks: any element or attribute of the raw HTML that is not
 * listed below is a problem, reported with file line and column and a message saying why it is refused. The
 * elements Markdown itself generates (p, em, a, img, lists, tables, footnotes, task-list checkboxes…) are
 * trusted; only their addresses vary, and those are checked on the mdast (links, images, definitions).
 *
 * The build rejects such content rather than silently removing it, so that the editor sees what was there.
 * The site's Content Security Policy (lib/html-safety/content-security.ts) would also stop scripts that slipped through.
 */
import type { Element, Root as HastRoot, RootContent } from 'hast';
import type { Definition, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { randomBytes } from 'node:crypto';
import { find, html as htmlSchema } from 'property-information';
import { hasUrlScheme } from '../urls.ts';
import { addressProblem, ALLOWED_ELEMENTS, attributeProblem, ELEMENT_ATTRIBUTES, GLOBAL_ATTRIBUTES, OTHER_ELEMENT, REFUSED_ELEMENTS, UNCLOSED_COMMENT } from './html-policy.ts';

export interface UnsafeHtml {
  line: number;
  column: number;
  message: string;
}

// --- Parsing ----------------------------------------------------------------------------------------------

/**
 * A property set on every element Markdown generates, before rehype-raw parses the raw HTML: elements
 * without it came from raw HTML. It survives parse5 as an attribute; its name is random per process, so an
 * article cannot write it.
 */
const GENERATED_ATTRIBUTE = `data-md${Array.from(randomBytes(12), (byte) => String.fromCharCode(97 + (byte % 26))).join('')}`;
const GENERATED = find(htmlSchema, GENERATED_ATTRIBUTE).property;

export function markGenerated(tree: HastRoot): void {
  const visit = (node: HastRoot | RootContent) => {
    if (node.type === 'element') node.properties[GENERATED] = '';
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
}

/**
 * Only these can produce HTML or an address the editor chose: `<` before a letter, `/`, `!` or `?` (raw HTML:
 * tags, comments, declarations; autolinks, whose scheme starts with a letter), `](` (inline links and images)
 * and `]:` (reference definitions, which reference links and images need). Character references are text
 * unless inside one of these, and `a < b` or `<5%` is text. GFM's bare-URL links (www., http(s)://, e-mail)
 * are only ever http(s) or mailto, and are not checked. A body with none of these needs no check.
 */
export const MAY_HAVE_HTML_OR_LINK = /<[a-zA-Z/!?]|\]\(|\]:/;

// --- Checking ---------------------------------------------------------------------------------------------

interface Point {
  line: number;
  column: number;
}

interface UnistPoint extends Point {
  offset?: number | undefined;
}

interface Positioned {
  position?: { start: UnistPoint; end: UnistPoint } | undefined;
}

/** A raw HTML node of the mdast. Inside a blockquote or list its value lacks the `> `/indent prefixes. */
interface RawSpan {
  start: UnistPoint;
  endLine: number;
  value: string;
  /** Offsets in `value` where each of its lines starts. */
  lineStarts: number[];
}

/**
 * The checks of one body, fed by the article pipeline (lib/article/body.ts) with the trees it parsed anyway:
 * `markdown` with the mdast (addresses, and the raw HTML's places), `html` with the hast after the raw HTML was
 * parsed (a copy, marked with markGenerated first). Lines are the body's own (line 1 is its first line).
 * `imageProblem`, when given, checks each Markdown image with a relative path (Astro optimises them, and fails
 * without the article's name when one is missing) as the frontmatter's photos are checked.
 */
export class BodyCheck {
  private readonly found: UnsafeHtml[] = [];
  /** Messages of problems found on elements the parser copied (no position): reported once. */
  private readonly copied: UnsafeHtml[] = [];
  private readonly spans: RawSpan[] = [];
  private bodyLines: string[] | undefined;
  private bodyLineStarts: number[] | undefined;
  private readonly body: string;

  private readonly imageProblem: ((src: string) => string | undefined) | undefined;

  constructor(body: string, imageProblem?: (src: string) => string | undefined) {
    this.imageProblem = imageProblem;
    this.body = body;
  }

  problems(): UnsafeHtml[] {
    const all = [...this.found];
    for (const problem of this.copied) {
      if (!all.some((other) => other.message === problem.message)) all.push(problem);
    }
    const seen = new Set<string>();
    return all
      .filter((problem) => {
        const key = `${problem.line}:${problem.column}:${problem.message}`;
        return seen.has(key) ? false : (seen.add(key), true);
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private report(point: Point, message: string, copied = false) {
    const problem = { line: point.line, column: point.column, message };
    (copied ? this.copied : this.found).push(problem);
  }

  // --- Markdown links, images and definitions

  /** Checks the addresses Markdown links to; true if the body has raw HTML, to be checked by `html`. */
  markdown(root: MdastRoot): boolean {
    const definitions = new Map<string, Definition>();
    const imageReferences = new Set<string>();
    let hasHtml = false;
    const visit = (node: MdastNodes) => {
      switch (node.type) {
        case 'html':
          hasHtml = true;
          if (!node.position) break;
          this.spans.push(rawSpan(node.value, node.position.start, node.position.end.line));
          // A block that opens a comment runs to the end of its container (CommonMark), and what follows is gone.
          if (node.value.startsWith('<!--') && !node.value.includes('-->')) this.report(node.position.start, UNCLOSED_COMMENT);
          break;
        case 'link': {
          const at = node.position?.start.offset;
          const opener = at === undefined ? '' : this.body[at];
          // GFM's bare www./http(s):// and e-mail links (no `[` or `<`) are text as written: nothing to check.
          if (opener === '[' || opener === '<') {
            const labelEnd = opener === '[' ? (node.children.at(-1)?.position?.end.offset ?? (at ?? 0) + 1) : undefined;
            this.markdownAddress(node, node.url, 'link', labelEnd, '(');
          }
          break;
        }
        case 'image':
          this.markdownAddress(node, node.url, 'image', bracketEnd(this.body, (node.position?.start.offset ?? 0) + 1), '(');
          break;
        case 'definition':
          if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
          break;
        case 'imageReference':
          imageReferences.add(node.identifier);
          break;
      }
      if ('children' in node) (node.children as MdastNodes[]).forEach(visit);
    };
    visit(root);
    for (const [identifier, definition] of definitions) {
      const labelEnd = bracketEnd(this.body, definition.position?.start.offset ?? 0);
      this.markdownAddress(definition, definition.url, imageReferences.has(identifier) ? 'image' : 'link', labelEnd, ':', true);
    }
    return hasHtml;
  }

  /**
   * A Markdown address, reported at the `](` or `]:` that introduces it (the link's start if that cannot be
   * found): `labelEnd` is where the label's `]` should be.
   */
  private markdownAddress(node: Positioned, url: string, kind: 'link' | 'image', labelEnd: number | undefined, next: string, definition = false) {
    const what = `Markdown ${kind === 'image' ? '图片' : '链接'}${definition ? '定义' : ''}`;
    // A relative image path is a file beside the article (not a site address like /x.jpg or a remote one).
    const file = kind === 'image' && !hasUrlScheme(url) && !/^[/\\]/.test(url) ? this.imageProblem?.(safeDecodeUri(url)) : undefined;
    const problem = addressProblem(url, kind) ?? (file && `：${file}`);
    if (!problem || !node.position) return;
    const at =
      labelEnd !== undefined && this.body[labelEnd] === ']' && this.body[labelEnd + 1] === next
        ? this.pointAt(labelEnd)
        : node.position.start;
    this.report(at, `${what}${problem}`);
  }

  private pointAt(offset: number): Point {
    this.bodyLineStarts ??= lineStarts(this.body);
    const index = lastAtOrBefore(this.bodyLineStarts, offset);
    return { line: index + 1, column: offset - this.bodyLineStarts[index]! + 1 };
  }

  // --- Raw HTML

  html(root: HastRoot) {
    const visit = (node: HastRoot | RootContent, nearest: Point) => {
      if (node.type === 'element') {
        let at: Point = node.position?.start ?? nearest;
        if (!(GENERATED in node.properties)) {
          const checked = this.element(node, nearest);
          if (!checked.descend) return;
          at = checked.at;
        }
        node.children.forEach((child) => visit(child, at));
      } else if (node.type === 'root') {
        node.children.forEach((child) => visit(child, nearest));
      }
    };
    visit(root, { line: 1, column: 1 });
  }

  /**
   * Checks an element that came from raw HTML. `descend` is false if it is refused as a whole, by class (its
   * content goes with it); `at` is its file position, for content that has none.
   * An element without a position was made by the parser: an implied <tbody>, or a copy of a formatting
   * element it reopens (`<b>` across a paragraph); its problems are those of the original, reported once.
   */
  private element(node: Element, nearest: Point): { descend: boolean; at: Point } {
    const tag = node.tagName;
    const own = node.position?.start;
    const copied = own === undefined;
    const located = own ? this.locate(own, tag) : undefined;
    const at = located?.point ?? own ?? nearest;
    const refused = REFUSED_ELEMENTS[tag];
    if (refused !== undefined || !ALLOWED_ELEMENTS.has(tag)) {
      this.report(at, `正文含有 <${tag}>：${refused ?? OTHER_ELEMENT}`, copied);
      return { descend: refused === undefined, at };
    }
    const allowed = ELEMENT_ATTRIBUTES[tag];
    for (const [property, value] of Object.entries(node.properties)) {
      if (value === undefined || value === null) continue;
      const attribute = find(htmlSchema, property).attribute;
      const message = attributeProblem(tag, attribute, value, GLOBAL_ATTRIBUTES.has(attribute) || allowed?.has(attribute) === true);
      if (message) this.report(located?.attributes.get(attribute) ?? at, message, copied);
    }
    return { descend: true, at };
  }

  /**
   * The file position of an element parse5 placed at `reported`, and of its attributes. parse5 counts from
   * the start of the raw HTML node, whose value has no blockquote or list prefixes, so columns on the node's
   * later lines are short by the prefix: they are mapped back through the node's value and the body's line.
   */
  private locate(reported: UnistPoint, tag: string): { point: Point; attributes: Map<string, Point> } | undefined {
    const span = this.spanAt(reported);
    if (!span) return undefined;
    const lineInSpan = reported.line - span.start.line;
    const index = span.lineStarts[lineInSpan]! + (lineInSpan === 0 ? reported.column - span.start.column : reported.column - 1);
    if (span.value.slice(index + 1, index + 1 + tag.length).toLowerCase() !== tag || span.value[index] !== '<') {
      return { point: reported, attributes: new Map() };
    }
    const toPoint = (offset: number): Point => {
      const k = lastAtOrBefore(span.lineStarts, offset);
      const column = offset - span.lineStarts[k]!;
      if (k === 0) return { line: span.start.line, column: span.start.column + column };
      return { line: span.start.line + k, column: column + 1 + this.prefixWidth(span, k) };
    };
    const attributes = new Map<string, Point>();
    for (const [name, offset] of startTagAttributes(span.value, index)) attributes.set(name, toPoint(offset));
    return { point: toPoint(index), attributes };
  }

  /**
   * The raw HTML node an element at `point` (in parse5's coordinates) came from: the last node starting at or
   * before it. Nodes do not overlap, and an element of a node that ends on a line lies before where the next
   * node on that line starts, so this is right even on a line shared by two nodes.
   */
  private spanAt(point: Point): RawSpan | undefined {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const start = this.spans[middle]!.start;
      if (start.line < point.line || (start.line === point.line && start.column <= point.column)) low = middle + 1;
      else high = middle;
    }
    const span = this.spans[low - 1];
    return span && (span.start.line === point.line || span.endLine >= point.line) ? span : undefined;
  }

  /** How many characters of body line `span.start.line + k` precede the span's k-th value line (`> `, indent). */
  private prefixWidth(span: RawSpan, k: number): number {
    this.bodyLines ??= this.body.split(/\r\n|\r|\n/);
    const line = this.bodyLines[span.start.line + k - 1] ?? '';
    const end = span.lineStarts[k + 1];
    const valueLine = span.value.slice(span.lineStarts[k], end === undefined ? undefined : end).replace(/\r?\n$|\r$/, '');
    // The prefix (`> `, an indent) comes first; text after an inline tag may follow on the same line.
    const at = valueLine ? line.indexOf(valueLine) : -1;
    return at > 0 ? at : 0;
  }
}

function rawSpan(value: string, start: UnistPoint, endLine: number): RawSpan {
  return { start, endLine, value, lineStarts: lineStarts(value) };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Offset of the `]` closing the bracket opened at `open` (nested brackets and backslash escapes skipped). */
function bracketEnd(text: string, open: number): number | undefined {
  if (text[open] !== '[') return undefined;
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return index;
  }
  return undefined;
}

const TAG_SPACE = /[\t\n\f\r ]/;

/**
 * The attributes of the start tag at `open` (`<`) and where each is written, read as the HTML tokenizer
 * reads them (names lowercased; the first of a repeated name counts, as in the parser).
 */
function startTagAttributes(text: string, open: number): Map<string, number> {
  const attributes = new Map<string, number>();
  let index = open + 1;
  while (index < text.length && !/[\t\n\f\r />]/.test(text[index]!)) index++;
  while (index < text.length) {
    while (index < text.length && (TAG_SPACE.test(text[index]!) || text[index] === '/')) index++;
    if (index >= text.length || text[index] === '>') break;
    const nameStart = index++;
    while (index < text.length && !/[\t\n\f\r />=]/.test(text[index]!)) index++;
    const name = text.slice(nameStart, index).toLowerCase();
    if (!attributes.has(name)) attributes.set(name, nameStart);
    while (index < text.length && TAG_SPACE.test(text[index]!)) index++;
    if (text[index] !== '=') continue;
    index++;
    while (index < text.length && TAG_SPACE.test(text[index]!)) index++;
    const quote = text[index];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, index + 1);
      index = close === -1 ? text.length : close + 1;
    } else {
      while (index < text.length && !/[\t\n\f\r >]/.test(text[index]!)) index++;
    }
  }
  return attributes;
}

/** Markdown keeps %-escapes in a destination (`./%E7%8E%B0.jpg`); the file is named without them. */
function safeDecodeUri(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
