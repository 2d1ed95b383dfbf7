/**
 * The article: one zod schema, one type, used by the content layer, the pages, the editor tools and the tests.
 *
 * `astro/zod` is zod itself, re-exported; importing it here (the one Astro import in lib) keeps the schema and
 * Astro's content layer on the same zod instance. Nothing else from Astro is imported.
 */
import { z } from 'astro/zod';
import { BYLINE_CREDITS, BYLINE_ROLES } from './bylines.ts';
import { parseNewsDate } from '../dates.ts';
import type { Column } from '../newsroom/newsroom.ts';
import { namePathProblem } from '../urls.ts';

const text = (field: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `缺少${field}` : `${field}应为文字`),
    })
    .trim()
    .min(1, { error: `${field}不能为空` });

/** A tag or a person's name: each has a page of its own, so it must be able to be a URL segment and a directory. */
const pageName = (field: string) =>
  text(field).superRefine((value, ctx) => {
    const problem = namePathProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${field}“${value}”${problem}` });
  });

const newsDate = (field: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `缺少${field}` : `${field}应写成 YYYY-MM-DD（例如 2024-05-06）`),
    })
    .transform((value, ctx) => {
      const parsed = parseNewsDate(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.reason });
        return z.NEVER;
      }
      return parsed.date;
    });

export const bylineEntrySchema = z.strictObject({
  role: z.enum(BYLINE_ROLES, {
    error: `署名身份应为 ${BYLINE_ROLES.join('、')} 之一`,
  }),
  name: pageName('署名姓名'),
  credit: z
    .enum(BYLINE_CREDITS, {
      error: '供稿类型应为 文、图 或 文图（印刷版的 /文、/图）',
    })
    .optional(),
  note: text('署名备注').optional(),
});

export const sourceSchema = z.strictObject({
  /** Printed newspaper, e.g. 中原报. */
  publication: text('报纸名称').optional(),
  /** Page (版次), e.g. 01 or 要闻. */
  page: text('版次').optional(),
  /** The date of the printed edition (刊期), YYYY-MM-DD: with `page`, the article is in the e-paper view. */
  edition: z
    .string({ error: '刊期（edition）应写成 YYYY-MM-DD' })
    .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, '刊期（edition）应写成 YYYY-MM-DD，例如 2025-06-20')
    .optional(),
  /** The article's place on its page, in print order: 1 for the first. */
  order: z.int({ error: '版面顺序（order）应为正整数' }).min(1, '版面顺序（order）应为正整数').optional(),
  /** The seed file or archive reference the text was taken from. */
  file: text('来源文件').optional(),
  /** How the editor dated or corrected the printed text. */
  note: text('来源说明').optional(),
});

/**
 * A photo of the article. `src` is a path relative to the article file; in Astro it is then resolved and
 * optimised by the image pipeline (withPhotoSources below, used by content.config.ts).
 */
const photoSchema = z.strictObject({
  src: text('图片文件（src）'),
  /** What the photo shows, for readers who cannot see it. Required: a news photo without it says nothing. */
  alt: text('图片说明文字（alt）'),
  caption: text('图片说明（caption）').optional(),
  /** Photographer; defaults to the byline's /图 credit. */
  credit: text('摄影者（credit）').optional(),
});

/**
 * The article as an editor writes it, with photo sources as plain paths, in a newsroom with these columns
 * (栏目): the one field that differs between newsrooms. Built once per column table (articleSchemaFor).
 */
function buildArticleSchema(columns: readonly Column[]) {
  const columnNames = columns.map((column) => column.name);
  return (
    z
      .strictObject({
        title: text('主题（title）'),
        subtitle: text('副题（subtitle）').optional(),
        kicker: text('引题（kicker）').optional(),
        date: newsDate('发布日期（date）'),
        updated: newsDate('更新日期（updated）').optional(),
        /** 更正: what was corrected, shown on the article; give `updated` with it. */
        correction: text('更正说明（correction）').optional(),
        summary: text('导语（summary）').optional(),
        // Optional only while a draft: an imported article waits for the editor to choose its column.
        column: z
          .enum(columnNames as [string, ...string[]], {
            error: (issue) =>
              `栏目“${String(issue.input)}”不在栏目表中，可选：${columnNames.join('、')}（栏目表在站点配置 site.yaml 的 columns）`,
          })
          .optional(),
        tags: z.array(pageName('标签')).default([]),
        byline: z.array(bylineEntrySchema).default([]),
        people: z.array(pageName('人名')).default([]),
        source: sourceSchema.optional(),
        photos: z.array(photoSchema).default([]),
        draft: z.boolean({ error: 'draft 应为 true 或 false' }).default(false),
      })
      .superRefine((data, ctx) => {
        if (!data.column && !data.draft) {
          ctx.addIssue({
            code: 'custom',
            path: ['column'],
            message: `缺少栏目（column），可选：${columnNames.join('、')}`,
          });
        }
        if (data.correction && !data.updated) {
          ctx.addIssue({ code: 'custom', path: ['correction'], message: '有更正说明时请同时填写更新日期（updated）' });
        }
        if (data.updated && data.updated < data.date) {
          ctx.addIssue({
            code: 'custom',
            path: ['updated'],
            message: '更新日期早于发布日期',
          });
        }
      })
      // Past the check above only a draft can lack a column; '' keeps `column` a plain string everywhere.
      .transform(({ column, ...data }) => ({ ...data, column: column ?? '' }))
  );
}

export type ArticleSchema = ReturnType<typeof buildArticleSchema>;

const schemas = new WeakMap<readonly Column[], ArticleSchema>();

/** The article schema of a newsroom with these columns; the same object for the same table (zod compiles it on first use). */
export function articleSchemaFor(columns: readonly Column[]): ArticleSchema {
  let schema = schemas.get(columns);
  if (!schema) schemas.set(columns, (schema = buildArticleSchema(columns)));
  return schema;
}

/**
 * The article schema, with each photo's `src` then parsed by `photoSource` (Astro's `image()`, which resolves
 * it against the article's file). Astro calls a collection's schema function once per article, because
 * `image()` belongs to the article; building the whole schema, and compiling it on its first parse, each time
 * cost about 1.5 ms an article. This builds only the photo step per article and reuses the rest.
 */
export function withPhotoSources<Source extends z.ZodType>(schema: ArticleSchema, photoSource: Source) {
  return schema.transform(async (article, ctx) => {
    const photos: (Omit<ArticleData['photos'][number], 'src'> & { src: z.output<Source> })[] = [];
    for (const [index, photo] of article.photos.entries()) {
      const source = await photoSource.safeParseAsync(photo.src);
      if (!source.success) {
        for (const issue of source.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: ['photos', index, 'src', ...issue.path] });
        }
        return z.NEVER;
      }
      photos.push({ ...photo, src: source.data });
    }
    return { ...article, photos };
  });
}

export type ArticleData = z.output<ArticleSchema>;
export type ArticleInput = z.input<ArticleSchema>;

/** The frontmatter's fields, named when an editor writes one that does not exist (the same in every newsroom). */
export const ARTICLE_FIELDS = Object.keys(
  buildArticleSchema([{ slug: 'any', name: 'any', description: 'any' }]).in.shape,
);

/** Whether an article may appear anywhere in the built site: not a draft, and not dated after `now`. */
export function isPublished(data: Pick<ArticleData, 'draft' | 'date'>, now: Date): boolean {
  return !data.draft && data.date.getTime() <= now.getTime();
}
