// A small Docker token service for tests: HTTPS on 127.0.0.1, Basic auth on GET and the OAuth2
// password grant on POST, issuing RS256 JWTs the Distribution registry accepts (the signing
// certificate travels in the `x5c` header and chains to the registry's `rootcertbundle`).
import { createServer } from 'node:https';
import { X509Certificate, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { freePort } from './registry.mjs';

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/** Signs the claims Distribution checks: iss, aud, exp/nbf, and `access` for the scope. */
export function signToken({ signerCert, signerKey, issuer, service, subject, scope, lifetime = 300 }) {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', x5c: [new X509Certificate(signerCert).raw.toString('base64')] };
  const access = [];
  for (const s of (scope || '').split(' ').filter(Boolean)) {
    const [type, name, actions] = s.split(':');
    access.push({ type, name, actions: (actions || '').split(',').filter(Boolean) });
  }
  const claims = { iss: issuer, sub: subject, aud: service, exp: now + lifetime, nbf: now - 10, iat: now, jti: b64url(randomBytes(12)), access };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey(signerKey));
  return `${input}.${b64url(signature)}`;
}

/** The scope with every action `acl(user, repository)` does not allow removed (`user` is null
 * for an anonymous request). */
function grantedScope(scope, acl, user) {
  return (scope || '').split(' ').filter(Boolean).map((s) => {
    const [type, name, actions = ''] = s.split(':');
    const allowed = acl(user, name);
    return `${type}:${name}:${actions.split(',').filter((a) => allowed.includes(a)).join(',')}`;
  }).join(' ');
}

/**
 * Starts the token service. `users` maps usernames to passwords; `getStatus` forces an answer
 * to GET (e.g. 404) so that clients must fall back to POST. With `acl(user, repository)` (a
 * list of allowed actions), tokens grant only what it allows, and anonymous GETs (no
 * Authorization) get a token for `user` null, as Distribution's token servers do.
 * Returns `{ realm, requests, stop }`.
 */
export async function startTokenServer({ pki, issuer, service, users, getStatus, acl }) {
  const port = await freePort();
  const requests = [];
  const server = createServer({ cert: pki.serverCert, key: pki.serverKey }, (req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      const url = new URL(req.url, `https://127.0.0.1:${port}`);
      requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), hasAuth: !!req.headers.authorization });
      let user; let pass; let scope;
      if (req.method === 'GET') {
        if (getStatus) { res.writeHead(getStatus); return res.end(); }
        const m = /^Basic (.+)$/.exec(req.headers.authorization || '');
        if (m) [user, pass] = Buffer.from(m[1], 'base64').toString().split(/:(.*)/s);
        scope = url.searchParams.get('scope');
        if (url.searchParams.get('service') !== service) { res.writeHead(400); return res.end(); }
      } else if (req.method === 'POST') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'password' || form.get('service') !== service) { res.writeHead(400); return res.end(); }
        user = form.get('username'); pass = form.get('password'); scope = form.get('scope');
      }
      const anonymous = acl && req.method === 'GET' && user === undefined;
      if (!anonymous && (user === undefined || users[user] !== pass)) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end('{"details":"incorrect username or password"}');
      }
      const token = signToken({ signerCert: pki.tokenSignerCert, signerKey: pki.tokenSignerKey, issuer, service, subject: user ?? '', scope: acl ? grantedScope(scope, acl, anonymous ? null : user) : scope });
      res.writeHead(200, { 'content-type': 'application/json' });
      const key = req.method === 'POST' ? 'access_token' : 'token';
      res.end(JSON.stringify({ [key]: token, expires_in: 300, issued_at: new Date().toISOString() }));
    });
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  const stop = () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); });
  return { realm: `https://127.0.0.1:${port}/token`, requests, stop };
}
