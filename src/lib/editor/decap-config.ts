/**
 * The web editor's configuration (Decap CMS, https://decapcms.org/docs/configuration-options/), made from the
 * article schema and the newsroom's settings: every frontmatter field with its Chinese label and help, the
 * newsroom's columns as choices, bylines as role + name, photos stored beside the article, dates in the shape
 * our date parser reads. `ARTICLE_EDITOR_FIELDS` is typed by the schema's own fields, and a test compares the
 * two sets at run time, so a field added to the schema without the editor fails the type check and the test.
 *
 * Rules that span fields (a column before publishing, `updated` with a correction) stay with `npm run check`
 * and the build: the editor checks each field alone.
 */
import type { ArticleInput } from '../article/schema.ts';
import { BYLINE_CREDITS, BYLINE_ROLES } from '../article/bylines.ts';
import type { Column } from '../newsroom/newsroom.ts';

/** The collection's file format: lib/editor/article-format.ts, registered with Decap under this name. */
export const ARTICLE_FORMAT = 'news-article';
/**
 * The data key the editor's pre-save step fills with a new file's name (the pinyin of its title, lib/article/
 * slug.ts, as `npm run new` names it); it is not a field and is never written to the file.
 */
export const NEW_FILE_SLUG_KEY = 'newFileSlug';
/** Where `npm run editor` serves the editor and its local Git API. */
export const LOCAL_EDITOR_PORT = 4322;

/** How dates are written: what parseNewsDate reads as China time (lib/dates.ts). */
const DATE_FORMAT = 'YYYY-MM-DD HH:mm';

type DecapField = Record<string, unknown> & { name: string; label: string; widget: string };

const optional = (field: DecapField): DecapField => ({ ...field, required: false });
const text = (name: string, label: string, hint?: string): DecapField => ({ name, label, widget: 'string', ...(hint && { hint }) });
const names = (name: string, label: string, hint: string): DecapField => optional({ name, label, widget: 'list', hint });
const choices = (values: readonly string[]) => values.map((value) => ({ label: value, value }));

/** Every frontmatter field of an article, in the order the editor shows them (the schema's, except the body). */
export function articleEditorFields(columns: readonly Column[]): Record<keyof ArticleInput, DecapField> {
  return {
    kicker: optional(text('kicker', '引题', '标题上方的引题，可不填')),
    title: text('title', '主题', '报道的标题'),
    subtitle: optional(text('subtitle', '副题', '标题下方的副题，可不填')),
    date: {
      name: 'date',
      label: '发布日期',
      widget: 'datetime',
      format: DATE_FORMAT,
      date_format: 'YYYY-MM-DD',
      time_format: 'HH:mm',
      picker_utc: false,
      default: '{{now}}',
      hint: '北京时间。定在将来的时刻即为定时发布：到时重新构建后才出现在网站上',
    },
    column: optional({
      name: 'column',
      label: '栏目',
      widget: 'select',
      options: choices(columns.map((column) => column.name)),
      hint: '发布前必须选择；草稿可暂不选',
    }),
    summary: optional({ name: 'summary', label: '导语', widget: 'text', hint: '列表和搜索结果里显示的摘要；不填则取正文第一段' }),
    byline: optional({
      name: 'byline',
      label: '署名',
      label_singular: '署名',
      widget: 'list',
      summary: '{{fields.role}} {{fields.name}}',
      fields: [
        { name: 'role', label: '身份', widget: 'select', options: choices(BYLINE_ROLES) },
        text('name', '姓名'),
        optional({ name: 'credit', label: '供稿', widget: 'select', options: choices(BYLINE_CREDITS), hint: '印刷版的 /文、/图' }),
        optional(text('note', '备注')),
      ],
    }),
    tags: names('tags', '标签', '多个标签用英文逗号分隔'),
    people: names('people', '人名', '报道中的人物，每人一页；多个用英文逗号分隔'),
    photos: optional({
      name: 'photos',
      label: '图片',
      label_singular: '图片',
      widget: 'list',
      summary: '{{fields.alt}}',
      fields: [
        { name: 'src', label: '图片文件', widget: 'image', choose_url: false },
        text('alt', '图片内容', '这张图拍的是什么，供看不见图片的读者使用（必填）'),
        optional(text('caption', '图片说明', '图片下方显示的说明文字')),
        optional(text('credit', '摄影', '不填则用署名中的摄影者')),
      ],
    }),
    updated: optional({ name: 'updated', label: '更新日期', widget: 'datetime', format: DATE_FORMAT, date_format: 'YYYY-MM-DD', time_format: 'HH:mm', picker_utc: false }),
    correction: optional({ name: 'correction', label: '更正说明', widget: 'text', hint: '填写更正说明时，请同时填写更新日期' }),
    source: optional({
      name: 'source',
      label: '来源（印刷版）',
      widget: 'object',
      collapsed: true,
      fields: [
        optional(text('publication', '报纸名称')),
        optional(text('page', '版次', '例如 01 或 要闻')),
        optional({ name: 'edition', label: '刊期', widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: false }),
        optional({ name: 'order', label: '版面顺序', widget: 'number', value_type: 'int', min: 1 }),
        optional(text('file', '来源文件')),
        optional(text('note', '来源说明')),
      ],
    }),
    draft: { name: 'draft', label: '草稿（不发布）', widget: 'boolean', default: false, required: false },
  };
}

/** Where the newsroom's repository lives on its forge, for the editor published with the site. */
export interface EditorBackend {
  /** Decap's back end: github, gitlab, forgejo or gitea (the last without the review workflow). */
  name: 'github' | 'gitlab' | 'forgejo' | 'gitea';
  /** owner/name on the forge. */
  repo: string;
  branch: string;
  /** The forge's API, for a self-hosted Forgejo, Gitea or GitLab (e.g. https://git.example.cn/api/v1). */
  apiRoot?: string;
  /** The forge's address for signing in, when it is not the API's host. */
  baseUrl?: string;
  /** The OAuth application's id (Forgejo, Gitea, GitLab PKCE). */
  appId?: string;
}

export interface EditorConfigOptions {
  /** The newsroom's name, shown in the editor. */
  siteName: string;
  /** The site's public address, for the editor's "view site" link. */
  siteUrl: string;
  columns: readonly Column[];
  /** The articles' folder, relative to the repository's root (e.g. content/articles). */
  articlesFolder: string;
  /** The forge, when the editor is published with the site; without it the editor works only through `npm run editor`. */
  backend?: EditorBackend;
  /** The branch the local editor publishes to (default main). */
  localBranch?: string;
  /** The port of the local editor (`npm run editor`), default LOCAL_EDITOR_PORT. */
  localPort?: number;
}

/** The whole Decap configuration, loaded by the editor page with `CMS.init({ config })`. */
export function editorConfig(options: EditorConfigOptions): Record<string, unknown> {
  const { backend, localBranch = 'main', localPort = LOCAL_EDITOR_PORT } = options;
  const localApi = `http://127.0.0.1:${localPort}/api/v1`;
  const fields = Object.values(articleEditorFields(options.columns));
  return {
    load_config_file: false,
    locale: 'zh_Hans',
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    // Reviewed before publishing (三审): each article on a branch of its own until it is merged.
    publish_mode: 'editorial_workflow',
    backend: backend
      ? {
          name: backend.name,
          repo: backend.repo,
          branch: backend.branch,
          ...(backend.apiRoot && { api_root: backend.apiRoot }),
          ...(backend.baseUrl && { base_url: backend.baseUrl }),
          ...(backend.appId && { app_id: backend.appId, auth_type: 'pkce' }),
        }
      : { name: 'proxy', proxy_url: localApi, branch: localBranch },
    // On the editor's own machine (`npm run editor`), the same editor works on the local repository instead.
    ...(backend && { local_backend: { url: localApi } }),
    // Photos are kept beside the article (./photos/…), where the article's `src` paths point.
    media_folder: `${options.articlesFolder}/photos`,
    public_folder: './photos',
    collections: [
      {
        name: 'articles',
        label: '稿件',
        label_singular: '稿件',
        description: `${options.siteName}的报道。保存后进入审核流程，审核通过并发布后才会出现在网站上。`,
        folder: options.articlesFolder,
        create: true,
        format: ARTICLE_FORMAT,
        extension: 'md',
        // The path `npm run new` gives a new article: the year and month it is written (the editor's clock) and
        // the pinyin of its title, filled in before saving.
        path: '{{year}}/{{month}}/{{slug}}',
        slug: `{{fields.${NEW_FILE_SLUG_KEY}}}`,
        media_folder: 'photos',
        public_folder: './photos',
        identifier_field: 'title',
        summary: '{{title}}（{{date}}）',
        sortable_fields: ['date', 'title'],
        fields: [...fields, { name: 'body', label: '正文', widget: 'markdown', modes: ['raw'], hint: '段落之间空一行' }],
      },
    ],
  };
}
