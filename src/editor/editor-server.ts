/**
 * The web editor on an editor's own machine (`npm run editor`): the editor's page at /admin/ and Decap's local
 * Git API (decap-server, MODE=git: each article saved goes onto a branch of its own, cms/articles/…, and reaches
 * the publishing branch only when it is published in the editor's workflow), both on one port of 127.0.0.1
 * only — there is no sign-in, so nothing but this machine may reach it. A newsroom's shared editor is the one
 * published with the site, which signs in to the newsroom's forge instead.
 *
 * decap-server works in the repository's working tree: it checks out the article's branch, commits everything
 * there, and checks the publishing branch out again. So the tree must be clean when the editor starts, or an
 * editor's unfinished changes would be committed into an article's branch; the server refuses to start then.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import express from 'express';
import type { BuildSettings } from '../settings.ts';
import { editorConfig, LOCAL_EDITOR_PORT } from '../lib/editor/decap-config.ts';
import { writeEditorFiles } from './editor-files.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** The repository the articles are in, its branch, and whether its working tree is clean; a Chinese message when it cannot be used. */
export function editorRepository(contentDir: string): { root: string; branch: string } {
  let root: string;
  try {
    root = git(contentDir, 'rev-parse', '--show-toplevel');
  } catch {
    throw new Error(`稿件目录 ${contentDir} 不在 Git 仓库里：网页编辑器把每篇稿件保存为仓库中的一个分支`);
  }
  let branch: string;
  try {
    branch = git(root, 'symbolic-ref', '--short', 'HEAD');
  } catch {
    throw new Error('仓库当前不在任何分支上（detached HEAD）：请先 git switch main');
  }
  const changes = git(root, 'status', '--porcelain');
  if (changes) {
    throw new Error(
      `仓库有未提交的修改，网页编辑器没有启动：它保存稿件时会切换分支并提交整个工作区，这些修改会被一并提交。请先提交或暂存（git stash）：\n${changes}`,
    );
  }
  return { root, branch };
}

export interface RunningEditor {
  /** The editor's address, e.g. http://127.0.0.1:4322/admin/ */
  url: string;
  stop(): Promise<void>;
}

/** Starts the editor for the archive of these settings; resolves once it listens. */
export async function startEditor(settings: BuildSettings, port = LOCAL_EDITOR_PORT): Promise<RunningEditor> {
  const repository = editorRepository(settings.contentDir);
  const articlesFolder = relative(repository.root, settings.contentDir).split(sep).join('/');
  const files = mkdtempSync(join(tmpdir(), 'news-editor-'));
  try {
    const config = editorConfig({ siteName: settings.site.name, siteUrl: settings.siteUrl, columns: settings.site.columns, articlesFolder, localBranch: repository.branch, localPort: port });
    await writeEditorFiles(files, { siteName: settings.site.name, config, connectTo: [] });

    const app = express();
    app.disable('x-powered-by');
    app.get('/', (_request, response) => response.redirect('/admin/'));
    app.use('/admin', express.static(files));
    // decap-server reads the repository's path from the environment when it registers.
    process.env.GIT_REPO_DIRECTORY = repository.root;
    // A CommonJS bundle: its functions are on the default export.
    const { registerLocalGit } = (await import('decap-server/dist/middlewares.js')).default;
    await registerLocalGit(app, { logLevel: 'warn' });

    const server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
      listening.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`端口 ${port} 已被占用：网页编辑器是否已经在运行？（可用 EDITOR_PORT 换一个端口）`) : error),
      );
    });
    return {
      url: `http://127.0.0.1:${port}/admin/`,
      stop: () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => {
            rmSync(files, { recursive: true, force: true });
            resolve();
          });
        }),
    };
  } catch (error) {
    rmSync(files, { recursive: true, force: true });
    throw error;
  }
}
