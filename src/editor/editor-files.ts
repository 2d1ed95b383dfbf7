/**
 * The web editor's files: its page, Decap CMS as the decap-cms package ships it (no CDN), our page script
 * (src/editor/admin.ts, bundled here), the site's stylesheet for the preview, and the configuration made from
 * the schema and the newsroom (lib/editor/decap-config.ts). `npm run editor` writes them into a directory it
 * serves at /admin/; the build writes them into the site's admin/ only when the newsroom's config asks for it
 * (`editor:` in site.yaml, src/integrations/editor.ts). Reader pages never load any of it.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE_SCRIPT = join(PROJECT_ROOT, 'src/editor/admin.ts');
const SITE_STYLES = join(PROJECT_ROOT, 'src/styles/global.css');

/** Decap's own script and the chunks it loads from beside itself (webpack's automatic public path). */
function decapFiles(): { dir: string; files: string[] } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');
  return { dir, files: readdirSync(dir).filter((file) => /^(?:\d+\.)?decap-cms\.js$/.test(file)) };
}

export interface EditorPage {
  /** The newsroom's name, in the page title. */
  siteName: string;
  /** The Decap configuration (lib/editor/decap-config.ts editorConfig). */
  config: Record<string, unknown>;
  /** Origins besides the page's own that the editor talks to: the forge's API, the local editor's. */
  connectTo: readonly string[];
}

/**
 * The editor page's policy. Stricter than nothing, looser than a reader page's: Decap styles itself with inline
 * styles (emotion) and compiles its config schema with ajv (eval), shows photos being uploaded as blob: URLs,
 * and its preview is an iframe of its own document. Only this page has it.
 */
function editorPolicy(connectTo: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' blob: ${connectTo.join(' ')}`.trim(),
    "frame-src 'self' blob: about:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

const jsonInHtml = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function editorHtml({ siteName, config, connectTo }: EditorPage): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="${editorPolicy(connectTo)}">
<title>稿件编辑 · ${siteName.replace(/[<&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</title>
<script type="application/json" id="editor-config">${jsonInHtml(config)}</script>
<script src="manual-init.js"></script>
<script src="decap/decap-cms.js"></script>
<script type="module" src="editor.js"></script>
</head>
<body></body>
</html>
`;
}

/** Writes the editor into `outDir` (created if need be): index.html, editor.js, site.css, decap/. */
export async function writeEditorFiles(outDir: string, page: EditorPage): Promise<void> {
  mkdirSync(join(outDir, 'decap'), { recursive: true });
  const decap = decapFiles();
  for (const file of decap.files) copyFileSync(join(decap.dir, file), join(outDir, 'decap', file));
  copyFileSync(SITE_STYLES, join(outDir, 'site.css'));
  // Decap starts itself on load unless told to wait for our registrations (its "manual initialization").
  writeFileSync(join(outDir, 'manual-init.js'), 'window.CMS_MANUAL_INIT = true;\n');
  await build({
    configFile: false,
    root: PROJECT_ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      lib: { entry: PAGE_SCRIPT, formats: ['es'], fileName: () => 'editor.js' },
    },
  });
  writeFileSync(join(outDir, 'index.html'), editorHtml(page));
}
