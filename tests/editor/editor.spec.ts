/**
 * The web editor (`npm run editor`: Decap CMS and its local Git API) driven in Chromium as an editor uses it,
 * against a repository made for the test from the test newsroom: an article written in the editor lands on a
 * branch of its own as a file our check accepts and the build turns into its page; main does not change until
 * the article is published; a required field left empty is refused before anything is saved.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test, type Page } from '@playwright/test';
import { ZHONGYUAN } from '../fixtures/sites.ts';
import { runBuild } from '../helpers/build.ts';
import { basePort } from '../sites.ts';

const PORT = basePort() + 9;
const EDITOR = `http://127.0.0.1:${PORT}/admin/`;

let work: string;
/** The branch the article of the second test was saved on, published by the third. */
let articleBranch: string;
let repo: string;
let editor: ChildProcess;
const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

// One repository and one editor for the file: its tests run in order, as one editor's session.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'news-editor-test-'));
  repo = join(work, 'newsroom');
  cpSync(join(ZHONGYUAN.articles, '..'), join(repo, 'content'), { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  git('add', '-A');
  git('-c', 'user.name=测试', '-c', 'user.email=test@example.org', 'commit', '-qm', '稿件库');
  await sharp({ create: { width: 640, height: 427, channels: 3, background: '#5a8f6a' } }).jpeg().toFile(join(work, 'park.jpg'));
  // As an editor starts it: `npm run editor` in the newsroom's repository.
  editor = spawn(process.execPath, ['src/cli/editor.ts'], {
    env: { ...process.env, CONTENT_DIR: join(repo, 'content/articles'), SITE_CONFIG: join(repo, 'content/site.yaml'), EDITOR_PORT: String(PORT), GIT_AUTHOR_NAME: '编辑', GIT_AUTHOR_EMAIL: 'editor@example.org', GIT_COMMITTER_NAME: '编辑', GIT_COMMITTER_EMAIL: 'editor@example.org' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    editor.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes(EDITOR)) resolve();
    });
    editor.once('exit', (code) => reject(new Error(`npm run editor ended (${code}) before listening: ${said}`)));
  });
});

test.afterAll(() => {
  editor?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openNewArticle(page: Page): Promise<void> {
  await page.goto(EDITOR);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('＋ 稿件').click();
  await expect(page.getByLabel('主题')).toBeVisible();
}

/** Chooses an option of one of Decap's select fields (react-select). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.getByText(option, { exact: true }).click();
}

test('a required field left empty is refused with a Chinese message before anything is saved', async ({ page }) => {
  await openNewArticle(page);
  await page.locator('.cms-editor-raw [contenteditable=true]').fill('本报讯 一篇没有标题的稿件。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('“主题”是必填项')).toBeVisible();
  expect(git('branch', '--list', 'cms/*')).toBe('');
});

test('an article written in the editor is saved on a branch of its own, passes the check and builds into its page', async ({ page }) => {
  const mainBefore = git('rev-parse', 'main');
  await openNewArticle(page);
  await page.getByLabel('主题').fill('社区口袋公园开放');
  await choose(page, '栏目', '城市建设');
  await page.getByRole('button', { name: '新增署名' }).click();
  await choose(page, '身份', '记者');
  await page.getByLabel('姓名').fill('赵一鸣');
  await page.getByLabel('标签').fill('口袋公园, 城市更新');
  await page.getByRole('button', { name: '新增图片' }).click();
  await page.getByRole('button', { name: '选择图片' }).click();
  await page.locator('input[type=file]').setInputFiles(join(work, 'park.jpg'));
  await page.getByRole('button', { name: '选用已选中项目' }).click();
  await page.getByLabel('图片内容').fill('口袋公园里散步的居民');
  await page.getByLabel('图片说明').fill('口袋公园开放首日');
  await page.locator('.cms-editor-raw [contenteditable=true]').fill('本报讯 林山寨街道的口袋公园正式开放。\n\n附近居民多了一处休闲去处。');
  // The preview is the site's article, in the site's own styles.
  const preview = page.locator('iframe').first().contentFrame();
  await expect(preview.locator('h1.article__title')).toHaveText('社区口袋公园开放');
  await expect(preview.locator('.byline')).toContainText('记者赵一鸣');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('修改已保存')).toBeVisible();

  // On a branch of its own, named as `npm run new` names the file; main as it was.
  const branches = git('branch', '--list', 'cms/*', '--format=%(refname:short)').split('\n').filter(Boolean);
  expect(branches).toHaveLength(1);
  const branch = (articleBranch = branches[0]!);
  expect(branch).toMatch(/^cms\/articles\/\d{4}\/\d{2}\/she-qu-kou-dai-gong-yuan-kai-fang$/);
  expect(git('rev-parse', 'main')).toBe(mainBefore);
  expect(git('status', '--porcelain')).toBe('');
  const added = git('diff', '--name-only', 'main', branch).split('\n').sort();
  const file = branch.replace(/^cms\/articles\//, 'content/articles/') + '.md';
  expect(added).toEqual([file, `${file.slice(0, file.lastIndexOf('/'))}/photos/park.jpg`].sort());

  // The article as the branch has it: the check accepts it, and the build makes its page with every field.
  // (Exported, not checked out: a branch checked out in another worktree is one the editor cannot switch to.)
  const checkout = join(work, 'review');
  mkdirSync(checkout);
  execFileSync('tar', ['-x', '-C', checkout], { input: execFileSync('git', ['-C', repo, 'archive', branch]) });
  const source = readFileSync(join(checkout, file), 'utf8');
  expect(source).toMatch(/^---\ntitle: 社区口袋公园开放\ndate: \d{4}-\d{2}-\d{2} \d{2}:\d{2}\ncolumn: 城市建设\n/);
  const env = { ...process.env, CONTENT_DIR: join(checkout, 'content/articles'), SITE_CONFIG: join(checkout, 'content/site.yaml') };
  // The article check the review workflow runs on the request (the project's own type check is not the article's).
  execFileSync(process.execPath, ['src/cli/check.ts', '--content-only'], { env, stdio: 'pipe' });
  const site = await runBuild({ newsroom: { ...ZHONGYUAN, config: join(checkout, 'content/site.yaml'), articles: join(checkout, 'content/articles') }, outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), env: { BUILD_TIME: new Date(Date.now() + 86_400_000).toISOString() } });
  expect(site.ok, site.output.slice(-2000)).toBe(true);
  const page_ = site.read(`articles/${branch.replace(/^cms\/articles\//, '')}/index.html`);
  for (const shown of ['社区口袋公园开放', '城市建设', '赵一鸣', '口袋公园开放首日', '口袋公园里散步的居民', '城市更新', '附近居民多了一处休闲去处。']) expect(page_).toContain(shown);
});

test('publishing the article in the editor’s workflow merges it into main', async ({ page }) => {
  const file = `${articleBranch.replace(/^cms\/articles\//, 'content/articles/')}.md`;
  expect(git('ls-tree', '--name-only', 'main', file)).toBe('');
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(EDITOR);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '工作流' }).click();
  await page.getByText('社区口袋公园开放').first().click();
  // Reviewed (就绪), then published: only then does main change.
  await page.getByRole('button', { name: /状态/ }).click();
  await page.getByRole('menuitem', { name: '就绪' }).click();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
  await expect.poll(() => git('ls-tree', '--name-only', 'main', file)).toBe(file);
  expect(git('branch', '--list', 'cms/*')).toBe('');
  expect(git('status', '--porcelain')).toBe('');
});

test('an article edited in the editor changes only the line edited', async ({ page }) => {
  await page.goto(EDITOR);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('中原区领导调研安全生产工作').click();
  await page.getByLabel('主题').fill('中原区领导调研节前安全生产工作');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('修改已保存')).toBeVisible();
  const branch = git('branch', '--list', 'cms/*', '--format=%(refname:short)');
  expect(branch).toBe('cms/articles/2024/05/safety-inspection');
  const diff = git('diff', '--unified=0', 'main', branch).split('\n').filter((line) => /^[-+](?![-+])/.test(line));
  expect(diff).toEqual(['-title: 中原区领导调研安全生产工作', '+title: 中原区领导调研节前安全生产工作']);
});
