/**
 * The web editor's page script (/admin/): Decap CMS (loaded before this, from the decap-cms package, as
 * window.CMS) with our article format, file names, preview and configuration (lib/editor), then started.
 * Bundled by src/editor/editor-files.ts; never loaded by a reader's page.
 */
import { groupByline, type BylineEntry } from '../lib/article/bylines.ts';
import { slugFor } from '../lib/article/slug.ts';
import { formatChineseDate, parseNewsDate } from '../lib/dates.ts';
import { articleFormat, type ArticleFormat } from '../lib/editor/article-format.ts';
import { ARTICLE_FORMAT, NEW_FILE_SLUG_KEY } from '../lib/editor/decap-config.ts';

/** The parts of Decap's entry (an Immutable.js Map) this script reads and changes. */
interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): Record<string, unknown>;
}

interface PreviewProps {
  entry: ImmutableMap;
  widgetFor(name: string): unknown;
  getAsset(path: string): { toString(): string } | undefined;
}

type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

interface DecapCms {
  registerCustomFormat(name: string, extension: string, format: Pick<ArticleFormat, 'fromFile' | 'toFile'>): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
  registerPreviewStyle(href: string): void;
  registerPreviewTemplate(collection: string, component: (props: PreviewProps) => unknown): void;
  init(options: { config: Record<string, unknown> }): void;
}

const { CMS, h } = window as unknown as { CMS: DecapCms; h: CreateElement };
const config = JSON.parse(document.getElementById('editor-config')!.textContent!) as Record<string, unknown>;

const format = articleFormat();
CMS.registerCustomFormat(ARTICLE_FORMAT, 'md', format);

// Decap writes the file right after this step: the format learns which file it edits (its text as read), so
// that only what changed changes. A new article's file is named as `npm run new` names it: the pinyin of its title.
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const data = entry.get('data') as ImmutableMap;
    const isNew = Boolean(entry.get('newRecord'));
    format.editing(isNew ? undefined : String(entry.get('raw') ?? '') || undefined);
    return isNew ? data.set(NEW_FILE_SLUG_KEY, slugFor(String(data.get('title') ?? ''))) : data;
  },
});

// The preview is the article as the site shows it: the site's own stylesheet and the article page's markup.
CMS.registerPreviewStyle(new URL('site.css', document.baseURI).href);
CMS.registerPreviewTemplate('articles', ({ entry, widgetFor, getAsset }) => {
  const data = (entry.get('data') as ImmutableMap).toJS() as {
    kicker?: string;
    title?: string;
    subtitle?: string;
    date?: string;
    column?: string;
    byline?: BylineEntry[];
    photos?: { src?: string; alt?: string; caption?: string; credit?: string }[];
  };
  const date = data.date ? parseNewsDate(String(data.date)) : undefined;
  const groups = groupByline((data.byline ?? []).filter((person) => person?.role && person.name));
  return h(
    'article',
    { className: 'article' },
    h(
      'header',
      { className: 'article__header' },
      data.kicker && h('p', { className: 'article__kicker' }, data.kicker),
      h('h1', { className: 'article__title' }, data.title ?? ''),
      data.subtitle && h('p', { className: 'article__subtitle' }, data.subtitle),
      h('p', { className: 'article__meta' }, date?.ok ? h('time', null, formatChineseDate(date.date)) : null, data.column ? h('a', null, data.column) : null),
      groups.length > 0 &&
        h(
          'p',
          { className: 'byline' },
          ...groups.map((group) =>
            h('span', { className: 'byline__group' }, h('span', { className: 'byline__role' }, group.role), ...group.people.map((person) => h('span', { className: 'byline__person' }, h('a', null, person.name), person.credit ? `/${person.credit}` : ''))),
          ),
        ),
    ),
    ...(data.photos ?? [])
      .filter((photo) => photo?.src)
      .map((photo) =>
        h(
          'figure',
          { className: 'article__photo' },
          h('img', { src: getAsset(photo.src!)?.toString(), alt: photo.alt ?? '' }),
          (photo.caption || photo.credit) && h('figcaption', null, photo.caption ?? '', photo.credit ? h('span', { className: 'article__photo-credit' }, `${photo.credit} 摄`) : null),
        ),
      ),
    h('div', { className: 'article__body' }, widgetFor('body')),
  );
});

CMS.init({ config });
