// A real Distribution registry (Debian's `docker-registry`) for tests: TLS from a throwaway CA,
// htpasswd or token auth, on 127.0.0.1 and a free port. Everything lives in a temp directory
// that `stop()` removes; `stop()` is safe to call twice and on failure paths.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const openssl = (args, cwd) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A directory with a CA (`ca.pem`) and a server certificate for 127.0.0.1/localhost
 * (`server.pem`, `server.key`), plus a token-signing CA and signer (`token-ca.pem`,
 * `token-signer.pem`, `token-signer.key`). */
export function makePki() {
  const dir = mkdtempSync(join(tmpdir(), 'regcred-registry-'));
  const ca = (name, cn) => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`,
      '-days', '2', '-subj', `/CN=${cn}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  };
  const leaf = (name, issuer, cn, ext) => {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`], dir);
    writeFileSync(join(dir, `${name}.ext`), ext);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial',
      '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`], dir);
  };
  ca('ca', 'regcred test CA');
  leaf('server', 'ca', '127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  ca('token-ca', 'regcred token CA');
  leaf('token-signer', 'token-ca', 'regcred token signer', 'keyUsage=critical,digitalSignature\n');
  const read = (f) => readFileSync(join(dir, f), 'utf8');
  return {
    dir,
    caPem: read('ca.pem'),
    serverCert: read('server.pem'),
    serverKey: read('server.key'),
    tokenCaPem: read('token-ca.pem'),
    tokenSignerCert: read('token-signer.pem'),
    tokenSignerKey: read('token-signer.key'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An htpasswd file (bcrypt, as Distribution requires) with one user. */
export function htpasswdFile(dir, username, password) {
  const path = join(dir, 'htpasswd');
  writeFileSync(path, execFileSync('htpasswd', ['-Bbn', username, password]));
  return path;
}

async function waitForPort(port, child, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}`);
    const ok = await new Promise((resolve) => {
      const s = connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('docker-registry did not start listening');
}

/**
 * Starts `docker-registry serve` on 127.0.0.1:<free port> with TLS.
 * auth: `{ htpasswd: path }` or `{ token: { realm, service, issuer, rootcertbundle } }`.
 * Returns `{ port, host, stop, logs }`.
 */
export async function startRegistry({ pki, auth }) {
  const port = await freePort();
  const base = mkdtempSync(join(pki.dir, 'reg-'));
  const authYaml = auth.htpasswd
    ? `  htpasswd:\n    realm: regcred-test\n    path: ${auth.htpasswd}\n`
    : `  token:\n    realm: ${auth.token.realm}\n    service: ${auth.token.service}\n    issuer: ${auth.token.issuer}\n    rootcertbundle: ${auth.token.rootcertbundle}\n`;
  const config = `version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${join(base, 'data')}
http:
  addr: 127.0.0.1:${port}
  tls:
    certificate: ${join(pki.dir, 'server.pem')}
    key: ${join(pki.dir, 'server.key')}
auth:
${authYaml}`;
  const configPath = join(base, 'config.yml');
  writeFileSync(configPath, config);
  const child = spawn('docker-registry', ['serve', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let logs = '';
  child.stdout.on('data', (d) => { logs += d; });
  child.stderr.on('data', (d) => { logs += d; });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
    }
  };
  try {
    await waitForPort(port, child);
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n${logs}`);
  }
  return { port, host: `127.0.0.1:${port}`, stop, logs: () => logs };
}

/**
 * A TLS registry (throwaway CA) with htpasswd user `username`, plus a cleanup list: everything
 * started here, and whatever the test adds with `defer(fn)`, is stopped when test `t` ends, in
 * reverse order, also when an assertion fails.
 */
export async function htpasswdRegistryFor(t, username = 'alice', password = 'correct horse') {
  const jobs = [];
  t.after(async () => { for (const job of jobs.reverse()) { try { await job(); } catch { /* keep cleaning */ } } });
  const defer = (job) => jobs.push(job);
  const pki = makePki();
  defer(pki.remove);
  const reg = await startRegistry({ pki, auth: { htpasswd: htpasswdFile(pki.dir, username, password) } });
  defer(reg.stop);
  return { pki, reg, defer };
}
