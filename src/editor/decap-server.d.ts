/** decap-server ships no types; the one function the local editor uses (src/editor/editor-server.ts). */
declare module 'decap-server/dist/middlewares.js' {
  import type { Express } from 'express';
  const middlewares: {
    /** Decap's local Git API at POST /api/v1 (MODE=git), on the repository named by GIT_REPO_DIRECTORY. */
    registerLocalGit(app: Express, options?: { logLevel?: string }): Promise<void>;
  };
  export default middlewares;
}
