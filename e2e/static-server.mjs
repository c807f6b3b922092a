// A built site served as a plain static host would serve it: Python's standard file server on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Serves `dir`; resolves to its address and the server's process (kill it when done). With `cpus` (a
 * `taskset` list such as "1"), the server runs on those processors only. */
export async function serveStatic(dir, { cpus } = {}) {
  const port = await freePort();
  const serve = ['python3', '-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir];
  const [cmd, ...argv] = cpus ? ['taskset', '-c', cpus, ...serve] : serve;
  const proc = spawn(cmd, argv, { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base + '/')).ok) return { base, proc };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error(`the static server for ${dir} did not start`);
}
