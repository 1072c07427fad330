// The demo's image panel: which configured credential the kubelet would use for an image
// (parseImageReference, resolveCredentials) and whether it may pull it (verifyAccess through
// the page's fetch). The page's form announces each configuration change with a
// `regcred:config` event; this module only renders.
import * as regcred from 'regcred/web';

await regcred.init();
const { parseImageReference, resolveCredentials, verifyAccess } = regcred;

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
};

let config = {};
const input = $('image');
const out = $('image-credentials');

function render() {
  const text = input.value.trim();
  if (!text) return out.replaceChildren(el('p', { class: 'help' }, 'Type an image such as nginx or ghcr.io/acme/app:1.2.'));
  const parsed = parseImageReference(text);
  if (!parsed.valid) {
    out.dataset.status = 'invalid';
    return out.replaceChildren(...parsed.errors.map((e) => el('p', { class: 'error' }, `${e.code}: ${e.message}`)));
  }
  const resolved = resolveCredentials(text, [config]);
  const found = resolved.value ?? [];
  out.dataset.status = found.length ? 'found' : 'none';
  out.replaceChildren(
    el('p', {}, 'Pulls ', el('code', { class: 'pull-reference' }, parsed.value.pullReference)),
    found.length
      ? el('p', { class: 'result ok' }, 'The kubelet would use ',
        ...found.map((c) => el('code', { class: 'credential' }, `${c.username} @ ${c.server}`)))
      : el('p', { class: 'result' }, 'No configured credential matches: the kubelet pulls it anonymously.'),
    ...[...resolved.errors, ...resolved.warnings].map((i) => el('p', { class: 'help' }, i.message)));
}

document.addEventListener('regcred:config', (e) => { config = e.detail; render(); });
input.addEventListener('input', render);

$('check-access').addEventListener('click', async () => {
  const box = $('access-output');
  const button = $('check-access');
  button.disabled = true;
  delete box.dataset.status;
  box.replaceChildren(el('p', {}, 'Checking…'));
  try {
    const r = await verifyAccess(config, { repository: input.value.trim(), fetch: (u, init) => fetch(u, init), timeoutMs: 10000 });
    box.dataset.status = r.status;
    box.replaceChildren(
      el('p', { class: `result ${r.ok ? 'ok' : 'error'}` }, el('strong', { class: 'status' }, r.status),
        r.code ? el('code', { class: 'code' }, r.code) : null),
      el('p', { class: 'message' }, r.message),
      el('ol', { class: 'steps' }, ...r.steps.map((s) => el('li', {}, `${s.method} ${s.url} → ${s.status ?? s.error}`))));
  } catch (e) {
    box.dataset.status = 'error';
    box.replaceChildren(el('p', { class: 'error' }, `${e.code ? `${e.code}: ` : ''}${e.message}`));
  } finally {
    button.disabled = false;
  }
});
render();
