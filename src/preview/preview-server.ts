/**
 * `astro preview` as a child process for tools that look at the built site in a browser (audit, bench, the
 * end-to-end tests' servers). The server serves OUT_DIR when it is set in `env`, so a tool can serve a build
 * other than dist/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';

export const ASTRO_CLI = 'node_modules/astro/bin/astro.mjs';
const SERVER_START_TIMEOUT_MS = 30_000;

export interface PreviewServer {
  /** Where the site is served, e.g. http://127.0.0.1:43210 (the base path is not included). */
  origin: string;
  /** Settles when the server has exited, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts `astro preview` on a loopback port and resolves once it serves: on `port` when given (and fails if it
 * is taken: Vite would quietly serve on the next one, where nobody looks), else on a free one.
 */
export async function startPreview(env: NodeJS.ProcessEnv = process.env, port?: number): Promise<PreviewServer> {
  const args = [ASTRO_CLI, 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port ?? (await findFreePort()))];
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  try {
    const origin = await previewOrigin(server);
    if (port !== undefined && origin !== `http://127.0.0.1:${port}`) {
      throw new Error(`port ${port} is in use (astro preview moved to ${origin}): stop what serves there, or another server that moved there from the port below`);
    }
    return { origin, exited, stop: () => stopServer(server) };
  } catch (error) {
    await stopServer(server);
    throw error;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resolves with the origin the preview server printed. Vite moves to the next port when the requested one was
 * taken in the meantime, so the printed address, not the requested port, is the one to use.
 */
function previewOrigin(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timeout = () => fail(new Error(`astro preview printed no address within ${SERVER_START_TIMEOUT_MS} ms`));
    const timer = setTimeout(timeout, SERVER_START_TIMEOUT_MS);
    const onExit = (code: number | null) => fail(new Error(`astro preview exited (code ${code}) before serving`));
    const onOutput = (chunk: Buffer) => {
      // Strip colour codes, which would split the address when colours are forced (FORCE_COLOR).
      output += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
      const address = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (address) finish(() => resolve(address[0]));
    };
    const fail = (error: Error) => finish(() => reject(error));
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      server.off('exit', onExit);
      server.stdout?.off('data', onOutput);
      // Keep draining the pipe so a chatty server never blocks on a full buffer.
      server.stdout?.resume();
      settle();
    };
    server.on('exit', onExit);
    server.stdout?.on('data', onOutput);
  });
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  await exited;
}
