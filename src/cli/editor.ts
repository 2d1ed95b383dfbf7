/**
 * `npm run editor`: the web editor on this machine, against this repository (src/editor/editor-server.ts), at
 * http://127.0.0.1:4322/admin/ (EDITOR_PORT for another port). Each article saved goes onto a branch of its own;
 * publishing it in the editor merges it into the current branch. Stops with Ctrl+C.
 */
import { readBuildSettings, runCommand } from '../settings.ts';
import { LOCAL_EDITOR_PORT } from '../lib/editor/decap-config.ts';
import { startEditor } from '../editor/editor-server.ts';

async function main(): Promise<void> {
  const settings = readBuildSettings();
  const port = Number(process.env.EDITOR_PORT ?? LOCAL_EDITOR_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`EDITOR_PORT “${process.env.EDITOR_PORT}” 不是端口号`);
  const editor = await startEditor(settings, port);
  console.log(`网页编辑器：${editor.url}（只在本机可用；按 Ctrl+C 退出）`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void editor.stop().then(() => process.exit(0)));
  }
}

if (import.meta.main) await runCommand(main);
