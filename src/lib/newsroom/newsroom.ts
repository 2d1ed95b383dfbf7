/**
 * A newsroom's identity, as its config file (content/site.yaml) declares it: name, description, publisher
 * (主办单位), the 栏目, the footer every site hosted in mainland China must show (ICP 备案号, 公安机关备案号),
 * contact and copyright, and the theme colour. YAML, like an article's frontmatter, and validated like one: a
 * bad config stops the build naming the file, line and field and what is wrong, in Chinese, before anything
 * is built. Code receives the result as a value (lib never reads the config itself), so any newsroom can be
 * tested in-process.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import { imageFileType } from '../article/image-type.ts';
import { keyNodeAt, nearestNode, positionOf } from '../yaml-positions.ts';

const text = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `缺少${label}` : `${label}应为文字`) })
    .trim()
    .min(1, `${label}不能为空`);
const colour = (label: string) => z.string({ error: `${label}应为颜色` }).regex(/^#[0-9a-fA-F]{6}$/, `${label}应写成 #RRGGBB，例如 #9b1c1c`);

export const columnSchema = z.strictObject({
  /** URL segment, ASCII so links survive copy-paste into any chat app. */
  slug: z.string({ error: '栏目网址名（slug）应为文字' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '栏目网址名（slug）只能用小写字母、数字和“-”，例如 politics'),
  /** Reader-facing name of the column (栏目), as articles name it. */
  name: text('栏目名称（name）'),
  description: text('栏目说明（description）'),
});

/** The image types each image of a newsroom may be, as browsers show them in a header and a tab. */
const IMAGE_TYPES = { logo: ['svg', 'png', 'webp', 'jpeg'], icon: ['svg', 'png'] } as const;
const IMAGE_NAMES = { logo: '报头图片', icon: '网站图标' } as const;

/**
 * An image's path as written, relative to the config's directory `dir`: checked to be there and of a kind
 * browsers show there, and made absolute. Without `dir` (a config given as a value) it is kept as written.
 */
const imageFile = (field: 'logo' | 'icon', dir: string | undefined) =>
  text(`${IMAGE_NAMES[field]}（${field}）`).transform((written, context) => {
    if (dir === undefined) return written;
    const path = resolve(dir, written);
    const type = imageFileType(path);
    const allowed: readonly string[] = IMAGE_TYPES[field];
    if (!existsSync(path)) context.addIssue({ code: 'custom', message: `找不到${IMAGE_NAMES[field]}“${written}”：路径相对于站点配置文件所在的目录` });
    else if (!type || !allowed.includes(type)) context.addIssue({ code: 'custom', message: `${IMAGE_NAMES[field]}“${written}”应为 ${allowed.map((name) => name.toUpperCase()).join('、')} 图片` });
    return path;
  });

/** The schema of a newsroom whose config is in `dir` (its images are beside it); without `dir`, images are not looked for. */
export const newsroomSchemaIn = (dir?: string) => z.strictObject({
  /** The site's name, in the header and every title: 中原新闻. */
  name: text('站名（name）'),
  /** What the site is, after the name on the home page and in the footer: 郑州市中原区新闻档案. */
  tagline: text('副标题（tagline）'),
  description: text('网站简介（description）'),
  /** 主办单位: the publisher in structured data and the footer. */
  publisher: text('主办单位（publisher）'),
  /** The public address of the site (SITE_URL overrides it for a test or a staging build). */
  url: z.url({ protocol: /^https?$/, error: '网站地址（url）应为 http:// 或 https:// 开头的完整网址' }),
  address: text('地址（address）').optional(),
  /** A contact line: 联系电话：0371-… or an e-mail address. */
  contact: text('联系方式（contact）').optional(),
  /** Defaults to “© 主办单位 版权所有”. */
  copyright: text('版权声明（copyright）').optional(),
  /** ICP 备案号 as issued, e.g. 豫ICP备2024000000号-1; linked to beian.miit.gov.cn. */
  icp: z
    .string({ error: 'ICP 备案号（icp）应为文字' })
    .regex(/^\p{Script=Han}ICP备\d{6,}号(?:-\d+)?$/u, 'ICP 备案号（icp）应照备案写，例如 豫ICP备2024000000号-1')
    .optional(),
  /** 公安机关备案号, e.g. 豫公网安备41010202000000号; linked to the national record by its number. */
  publicSecurity: z
    .string({ error: '公安机关备案号（publicSecurity）应为文字' })
    .regex(/^\p{Script=Han}公网安备\d{14}号$/u, '公安机关备案号（publicSecurity）应照备案写，例如 豫公网安备41010202000000号（14 位数字）')
    .optional(),
  /**
   * The masthead (报头) shown in the header instead of the name as text: an image file, its path relative to
   * the config file. Without it the header shows the name in the theme colour.
   */
  logo: imageFile('logo', dir).optional(),
  /** The browser tab's icon, a square image beside the config; without it, the name's first character on the theme colour. */
  icon: imageFile('icon', dir).optional(),
  /** The accent colour (header rule, focus ring, buttons) in the light and the dark theme. */
  themeColor: z.strictObject({ light: colour('浅色主题色（themeColor.light）'), dark: colour('深色主题色（themeColor.dark）') }),
  /** Articles per list page. */
  pageSize: z.int({ error: '每页篇数（pageSize）应为整数' }).min(5, '每页篇数（pageSize）至少 5').max(100, '每页篇数（pageSize）最多 100'),
  /**
   * The web editor published with the site at /admin/ (src/integrations/editor.ts): the forge the newsroom's
   * repository is on, which editors sign in to. Without it the site has no /admin/, and `npm run editor` still
   * works on an editor's own machine.
   */
  editor: z
    .strictObject({
      backend: z.enum(['github', 'gitlab', 'forgejo', 'gitea'], { error: '编辑器后端（editor.backend）应为 github、gitlab、forgejo 或 gitea' }),
      repo: z.string({ error: '仓库（editor.repo）应写成 所有者/仓库名' }).regex(/^[\w.-]+(?:\/[\w.-]+)+$/, '仓库（editor.repo）应写成 所有者/仓库名，例如 newsroom/archive'),
      branch: text('发布分支（editor.branch）').default('main'),
      /** The forge's API, for a self-hosted Forgejo, Gitea or GitLab, e.g. https://git.example.cn/api/v1. */
      apiRoot: z.url({ protocol: /^https?$/, error: '接口地址（editor.apiRoot）应为完整网址' }).optional(),
      /** The forge's address for signing in, when it is not the API's host. */
      baseUrl: z.url({ protocol: /^https?$/, error: '登录地址（editor.baseUrl）应为完整网址' }).optional(),
      /** The OAuth application's id on the forge (Forgejo, Gitea, GitLab). */
      appId: text('OAuth 应用 ID（editor.appId）').optional(),
    })
    .superRefine((editor, context) => {
      if ((editor.backend === 'forgejo' || editor.backend === 'gitea') && !editor.apiRoot) {
        context.addIssue({ code: 'custom', path: ['apiRoot'], message: `${editor.backend} 须填写接口地址（editor.apiRoot），例如 https://git.example.cn/api/v1` });
      }
    })
    .optional(),
  columns: z
    .array(columnSchema, { error: '栏目（columns）应为列表' })
    .min(1, '至少要有一个栏目（columns）')
    .superRefine((columns, context) => {
      for (const key of ['slug', 'name'] as const) {
        const seen = new Set<string>();
        columns.forEach((column, index) => {
          if (seen.has(column[key])) context.addIssue({ code: 'custom', path: [index, key], message: `栏目${key === 'slug' ? '网址名' : '名称'}“${column[key]}”重复了` });
          seen.add(column[key]);
        });
      }
    }),
});

export const newsroomSchema = newsroomSchemaIn();
export type Newsroom = z.output<typeof newsroomSchema>;
export type NewsroomInput = z.input<typeof newsroomSchema>;
export type Column = Newsroom['columns'][number];

/**
 * A config's value, checked; a bad one raises an error naming each field that is wrong (`where` places it in
 * the file). With `dir`, the config's directory, its images are checked there too.
 */
export function parseNewsroom(value: unknown, file: string, where?: (path: readonly PropertyKey[], isKey: boolean) => string, dir?: string): Newsroom {
  const result = (dir === undefined ? newsroomSchema : newsroomSchemaIn(dir)).safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => {
    const problem = (path: readonly PropertyKey[], message: string, isKey = false) => {
      const field = path.map(String).join('.');
      return `  ${where ? `${where(path, isKey)} ` : ''}${field ? `字段 ${field}` : '整个配置'}：${message}`;
    };
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => problem([...issue.path, key], `未知字段“${key}”：请删除或改正拼写`, true));
    return [problem(issue.path, issue.message)];
  });
  throw configError(file, problems);
}

/**
 * The newsroom of a config file's text (YAML), read from `file`: its images' paths are relative to that file's
 * directory. A bad one raises an error naming file:line:column and field.
 */
export function readNewsroom(source: string, file: string): Newsroom {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined) => {
    const { line, column } = positionOf(lineCounter, offset);
    return `${file}:${line}:${column}`;
  };
  if (doc.errors.length) {
    const problems = doc.errors.map((error) => `  ${at(error.pos[0])} 不是合法的 YAML：${error.message.split('\n')[0]}`);
    throw configError(file, problems);
  }
  const where = (path: readonly PropertyKey[], isKey: boolean) => at((isKey ? keyNodeAt(doc.contents, path) : nearestNode(doc.contents, path))?.range?.[0]);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 }); // no YAML aliases (*name): nothing in a config needs one
  } catch (error) {
    throw configError(file, [`  ${file}:1:1 无法读取：${error instanceof Error ? error.message : String(error)}`]);
  }
  return parseNewsroom(value, file, where, dirname(resolve(file)));
}

function configError(file: string, problems: readonly string[]): Error {
  return new Error(`站点配置 ${file} 有误，构建已停止：\n${problems.join('\n')}`);
}

/** Articles name their column as editors know it (时政要闻); URLs use the slug. */
export function columnByName(newsroom: Newsroom, name: string): Column | undefined {
  return newsroom.columns.find((column) => column.name === name);
}

/**
 * Where a newsroom's files are, given a build's environment: its articles (CONTENT_DIR, default
 * content/articles) and its config (SITE_CONFIG, default site.yaml beside the articles' directory), so that
 * another archive comes with its own newsroom.
 */
export function newsroomFiles(env: { CONTENT_DIR?: string; SITE_CONFIG?: string }, cwd = process.cwd()): { contentDir: string; siteConfigFile: string } {
  const contentDir = resolve(cwd, env.CONTENT_DIR ?? 'content/articles');
  return { contentDir, siteConfigFile: resolve(cwd, env.SITE_CONFIG ?? join(dirname(contentDir), 'site.yaml')) };
}

/** A line of the footer: text, and where it links if it does. */
export interface FooterLine {
  text: string;
  href?: string;
}

/** Where the two 备案 numbers are looked up: the MIIT ICP register, and the public-security register by number. */
export const ICP_REGISTER = 'https://beian.miit.gov.cn/';
export const publicSecurityRecord = (number: string) => `https://beian.mps.gov.cn/#/query/webSearch?code=${/\d{14}/.exec(number)![0]}`;

/** The footer's lines, in the order Chinese government and news sites print them. */
export function footerLines(newsroom: Newsroom): FooterLine[] {
  return [
    { text: `主办单位：${newsroom.publisher}` },
    ...(newsroom.address ? [{ text: `地址：${newsroom.address}` }] : []),
    ...(newsroom.contact ? [{ text: newsroom.contact }] : []),
    ...(newsroom.icp ? [{ text: newsroom.icp, href: ICP_REGISTER }] : []),
    ...(newsroom.publicSecurity ? [{ text: newsroom.publicSecurity, href: publicSecurityRecord(newsroom.publicSecurity) }] : []),
    { text: newsroom.copyright ?? `© ${newsroom.publisher} 版权所有` },
  ];
}
