// The module's URL parser (src/url/) against the JS host's own WHATWG parser, the one `fetch`
// uses: every redirect Location of the web-platform-tests vectors, resolved against the
// registry, is followed to exactly `new URL(location, base).href` (or not at all when that is
// elsewhere or invalid), and host names with non-ASCII labels reach `fetch` as punycode through
// the parser the module installs at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { verifyCredentials } from 'regcred';

const vectors = JSON.parse(readFileSync(new URL('../fixtures/urls/whatwg-http.json', import.meta.url), 'utf8')).cases;
const BASE = 'https://registry.example.com/v2/';
const config = (registryUrl = 'registry.example.com') => ({ name: 'test-reg', registryType: 'other', registryUrl, username: 'u', password: 'p4ss' });
const ok = () => new Response('{}', { status: 200, headers: { 'docker-distribution-api-version': 'registry/2.0' } });

/** The URL the module fetches after the registry answers its ping with a redirect to `location`. */
async function followed(location) {
  const calls = [];
  const fetch = async (url) => {
    calls.push(url);
    return calls.length === 1 ? new Response(null, { status: 302, headers: { location } }) : ok();
  };
  await verifyCredentials(config(), { fetch, allowPrivateNetworks: true });
  return calls[1];
}

test('redirect Locations resolve as the host resolves them', async () => {
  let compared = 0;
  for (const { input } of vectors) {
    // A Location header is a byte string: the vectors with other text cannot be sent.
    if (/[^\x20-\x7e]/.test(input)) continue;
    let want;
    try {
      want = new URL(input, BASE);
    } catch {
      want = undefined;
    }
    const got = await followed(input);
    if (want?.origin === 'https://registry.example.com') {
      assert.equal(got, want.href, `Location ${JSON.stringify(input)}`);
      compared++;
    } else if (got !== undefined) {
      // Followed elsewhere (an allowed public host): still the host's resolution.
      assert.equal(got, want?.href, `Location ${JSON.stringify(input)}`);
    }
  }
  assert.ok(compared > 40, `${compared} Locations compared`);
});

test('internationalized names reach fetch as punycode, through the installed host parser', async () => {
  for (const [location, want] of [
    ['https://B%C3%BCcher.example/v2/', 'https://xn--bcher-kva.example/v2/'],
    ['https://xn--BCHER-kva.example/v2/', 'https://xn--bcher-kva.example/v2/'],
  ]) {
    assert.equal(await followed(location), want, location);
  }
  // A registry URL typed with a Unicode name is fetched under its punycode name.
  const calls = [];
  await verifyCredentials(config('bücher.example:5000'), { fetch: async (url) => { calls.push(url); return ok(); }, allowPrivateNetworks: true });
  assert.deepEqual(calls, ['https://xn--bcher-kva.example:5000/v2/']);
});
