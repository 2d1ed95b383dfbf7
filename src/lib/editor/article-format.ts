/**
 * The web editor's file format for articles (registered with Decap CMS as ARTICLE_FORMAT): it reads an article
 * file as our reader does (YAML 1.2 core schema: `2024-05-06` stays the text written) and writes one as
 * `npm run new` and the importer do (lib/article/file.ts), with the fields in the schema's order and no empty
 * ones.
 *
 * An edit changes only what was edited: the file as it was read (handed over by the editor's pre-save step,
 * `editing`) keeps every line of the fields that did not change — their style, comments and order — and its
 * body when the body did not change; an article saved without a change keeps its bytes. Decap's own formats
 * would re-serialise the whole frontmatter (quoting, order, dates as UTC with milliseconds) and so change
 * lines nobody edited.
 */
import { isMap, isScalar, LineCounter, parse, parseDocument } from 'yaml';
import { formatArticleSource, formatFrontmatter, splitArticleFile } from '../article/file.ts';
import { ARTICLE_FIELDS } from '../article/schema.ts';
import { NEW_FILE_SLUG_KEY } from './decap-config.ts';

type EntryData = Record<string, unknown> & { body?: unknown };

/** Empty values are left out: the schema's defaults stand for them. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const kept = withoutEmpty(item);
      return kept === undefined ? [] : [[key, kept] as const];
    });
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  return value;
}

const fieldOrder = (key: string) => (ARTICLE_FIELDS.includes(key) ? ARTICLE_FIELDS.indexOf(key) : ARTICLE_FIELDS.length);

/** The frontmatter to write: the schema's fields in its order, then anything else (which the check will name). `draft: false` is the default. */
function frontmatterOf(data: EntryData): Record<string, unknown> {
  const { body: _body, [NEW_FILE_SLUG_KEY]: _slug, ...fields } = data;
  const kept = (withoutEmpty(fields) ?? {}) as Record<string, unknown>;
  if (kept.draft === false) delete kept.draft;
  return Object.fromEntries(Object.entries(kept).sort(([a], [b]) => fieldOrder(a) - fieldOrder(b)));
}

const bodyOf = (data: EntryData) => (typeof data.body === 'string' ? data.body.replace(/\r\n?/g, '\n').trimEnd() : '');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function readFile(text: string): EntryData {
  const parts = splitArticleFile(text);
  // A file without frontmatter is shown as all body: saving it gives it frontmatter, and the check says what is missing.
  const frontmatter = parts ? (parse(parts.frontmatter, { schema: 'core' }) as unknown) : {};
  return {
    ...(frontmatter && typeof frontmatter === 'object' && !Array.isArray(frontmatter) ? (frontmatter as Record<string, unknown>) : {}),
    body: parts ? parts.body : text,
  };
}

/**
 * `original` with `data` written into it: each top-level field that changed is rewritten where it stands (from
 * its key's line to its value's last), a field added goes before the first field that follows it in the schema's
 * order, a field emptied is removed; everything else keeps its bytes.
 */
function editFile(original: string, data: EntryData): string {
  const parts = splitArticleFile(original);
  const before = readFile(original);
  const wanted = frontmatterOf(data);
  const body = bodyOf(data) === bodyOf(before) && parts ? parts.body : `${bodyOf(data)}\n`;
  const lines = new LineCounter();
  const doc = parts && parseDocument(parts.frontmatter, { schema: 'core', lineCounter: lines });
  if (!parts || !doc || doc.errors.length > 0 || !isMap(doc.contents)) return formatArticleSource(wanted, body);

  const yaml = parts.frontmatter.endsWith('\n') ? parts.frontmatter : `${parts.frontmatter}\n`;
  const lineStart = (offset: number) => yaml.lastIndexOf('\n', offset - 1) + 1;
  // Each top-level field's text: from its key's line to the end of its value's last line (comments and blank
  // lines between fields stay where they are).
  const lineEnd = (offset: number) => {
    const newline = yaml.indexOf('\n', Math.max(0, offset - 1));
    return newline < 0 ? yaml.length : newline + 1;
  };
  const fields = doc.contents.items.flatMap((pair) => {
    if (!isScalar(pair.key) || !pair.key.range) return [];
    const value = pair.value as { range?: [number, number, number] } | null;
    return [{ key: String(pair.key.value), start: lineStart(pair.key.range[0]), end: lineEnd(value?.range?.[1] ?? pair.key.range[1]) }];
  });
  const old = frontmatterOf(before);
  let text = '';
  let at = 0;
  const written = new Set<string>();
  const addBefore = (key: string) => {
    // Fields the file lacks that the schema puts before `key`.
    for (const [name, value] of Object.entries(wanted)) {
      if (written.has(name) || fields.some((field) => field.key === name) || fieldOrder(name) >= fieldOrder(key)) continue;
      text += formatFrontmatter({ [name]: value });
      written.add(name);
    }
  };
  for (const field of fields) {
    // A field added follows the field before it, ahead of the comments that belong to the next one.
    addBefore(field.key);
    text += yaml.slice(at, field.start);
    const value = wanted[field.key];
    if (same(old[field.key], value)) text += yaml.slice(field.start, field.end);
    else if (value !== undefined) text += formatFrontmatter({ [field.key]: value });
    written.add(field.key);
    at = field.end;
  }
  text += yaml.slice(at);
  addBefore('\u{10FFFF}');
  return `---\n${text}---\n${body}`;
}

export interface ArticleFormat {
  /** Decap's registerCustomFormat parser. */
  fromFile(text: string): EntryData;
  /** Decap's registerCustomFormat formatter. */
  toFile(data: EntryData): string;
  /** The file the next `toFile` writes, as it was read (the entry's raw text), or undefined for a new article: from the editor's pre-save step. */
  editing(original: string | undefined): void;
}

export function articleFormat(): ArticleFormat {
  /** The text of each file read, by what its data writes: an unchanged article is written back byte for byte. */
  const read = new Map<string, string>();
  const contentKey = (data: EntryData) => JSON.stringify([frontmatterOf(data), bodyOf(data)]);
  let original: string | undefined;
  return {
    fromFile(text) {
      const data = readFile(text);
      read.set(contentKey(data), text);
      return data;
    },
    editing(text) {
      original = text;
    },
    toFile(data) {
      const base = original;
      original = undefined;
      const unchanged = read.get(contentKey(data));
      if (unchanged !== undefined && (base === undefined || base === unchanged)) return unchanged;
      return base === undefined ? formatArticleSource(frontmatterOf(data), bodyOf(data)) : editFile(base, data);
    },
  };
}
