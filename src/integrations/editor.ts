/**
 * The web editor published with the site, at /admin/, when the newsroom's config has an `editor` section (the
 * forge its repository is on): written after the pages (src/editor/editor-files.ts), never linked from them,
 * and with a policy of its own; reader pages and their policy do not change. Without the section, no /admin/.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { editorConfig, LOCAL_EDITOR_PORT } from '../lib/editor/decap-config.ts';
import type { BuildSettings } from '../settings.ts';
import { writeEditorFiles } from '../editor/editor-files.ts';

/** The public forges' APIs, which the editor calls from the browser; a self-hosted forge gives its apiRoot (required for Forgejo and Gitea). */
const FORGE_APIS: Record<string, string> = { github: 'https://api.github.com', gitlab: 'https://gitlab.com' };

export default function editorIntegration(settings: BuildSettings): AstroIntegration {
  return {
    name: 'news-editor',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const forge = settings.site.editor;
        if (!forge) return;
        const articlesFolder = relative(process.cwd(), settings.contentDir).split(sep).join('/');
        const config = editorConfig({
          siteName: settings.site.name,
          siteUrl: settings.siteUrl,
          columns: settings.site.columns,
          articlesFolder,
          backend: { name: forge.backend, repo: forge.repo, branch: forge.branch, apiRoot: forge.apiRoot, baseUrl: forge.baseUrl, appId: forge.appId },
        });
        const connectTo = [new URL(forge.apiRoot ?? FORGE_APIS[forge.backend]!).origin, ...(forge.baseUrl ? [new URL(forge.baseUrl).origin] : []), `http://127.0.0.1:${LOCAL_EDITOR_PORT}`];
        await writeEditorFiles(fileURLToPath(new URL('admin/', dir)), { siteName: settings.site.name, config, connectTo });
        logger.info(`网页编辑器已写入 admin/（${forge.backend}: ${forge.repo}）`);
      },
    },
  };
}
