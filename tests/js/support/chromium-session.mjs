// One Chromium for a browser test file, with the servers and temporary directories its tests
// make: started before the first test, everything closed and removed after the last.
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { startServer } from '../../../scripts/serve.mjs';
import { artifacts, cleanup, freePort, launchChromium } from './hosts.mjs';

/**
 * Registers the file's `before`/`after` hooks and returns the session: `browser` (set once the
 * hook ran), `serve(mounts)` (a static server on a free 127.0.0.1 port; resolves to its URL)
 * and `keep(dir)` (a directory removed at the end).
 */
export function chromiumSession() {
  const servers = [];
  const dirs = [];
  const session = {
    browser: undefined,
    async serve(mounts) {
      const server = await startServer(await freePort(), mounts);
      servers.push(server);
      return `http://127.0.0.1:${server.address().port}/`;
    },
    keep(dir) {
      dirs.push(dir);
      return dir;
    },
  };
  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    for (const s of servers) await new Promise((r) => s.close(r));
    dirs.forEach(cleanup);
  });
  return session;
}
