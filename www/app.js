// The demo page. Everything the page knows about registries comes from regcred: the types and
// their fields (registryTypes, registrySchema, registryUiSchema), the messages (validateField,
// validateRegistry), certificate and key details, the generated secret and config.json, the
// injection plan and the credential check. The page only renders.
import * as regcred from 'regcred/web';
import './images.js'; // section 6: image references, credentials, pull access

await regcred.init();
const { registryTypes, registrySchema, registryUiSchema, validateField, validateRegistry, inspectCertificates,
  parseServiceAccountKey, pullSecret, dockerConfigFile, injectionPlan, verifyCredentials } = regcred;

const types = registryTypes();
const schema = registrySchema();
const uiSchema = registryUiSchema();
const SAMPLE_CLUSTERS = [{ id: 1, name: 'default_cluster' }, { id: 2, name: 'prod-eu' }, { id: 3, name: 'staging' }, { id: 4, name: 'dev-sandbox' }];
const SAMPLES = {
  ecr: { name: 'shop-ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'user-auth',
    awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  'docker-hub': { name: 'dockerhub', username: 'alice', password: 'dckr_pat_example' },
  acr: { name: 'shop-acr', registryUrl: 'shop.azurecr.io', username: '00000000-0000-0000-0000-000000000000', password: 'example-secret' },
  quay: { name: 'quay', username: 'shop+ci', password: 'example-robot-token' },
  other: { name: 'harbor', registryUrl: 'harbor.example.com/library', username: 'robot$ci', password: 'example-token' },
};

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k in node && typeof v !== 'string') node[k] = v; else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
};

// The certificate and key panels live right under their fields (moved there on each render).
const certPanel = $('cert-details');
const keyPanel = $('gcp-key');

let type = types[0];
let config = {};
const touched = new Set();

// ---- 1. type picker: a radio group of buttons (arrow keys move, Enter/Space picks) ----------
function renderTypes() {
  const box = $('types');
  box.replaceChildren(...types.map((t) => el('button', {
    type: 'button', role: 'radio', 'data-id': t.id, 'aria-checked': String(t.id === type.id),
    tabindex: t.id === type.id ? '0' : '-1', onclick: () => pickType(t.id),
  }, t.label)));
  box.onkeydown = (e) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const i = (types.indexOf(type) + step + types.length) % types.length;
    pickType(types[i].id);
    box.querySelector(`[data-id="${types[i].id}"]`).focus();
  };
  $('type-help').textContent = type.credentialsHelp;
}

function pickType(id, values = {}) {
  type = types.find((t) => t.id === id);
  config = { registryType: id };
  touched.clear();
  for (const f of type.fields) {
    const v = f.fixedValue ?? values[f.key] ?? (f.key === 'registryUrl' ? type.defaultUrl : null) ?? f.defaultValue;
    if (v !== null && v !== undefined) setValue(f.key, v);
    if (values[f.key] !== undefined) touched.add(f.key);
  }
  renderTypes();
  renderForm();
  update();
}

// ---- 2. the form, from the catalog's fields with the schema's titles and the uiSchema's hints --
const order = uiSchema['ui:order'] ?? [];
const rank = (key) => { const i = order.indexOf(key.split('.')[0]); return i < 0 ? order.length : i; };
const fieldId = (key) => `f-${key.replace('.', '-')}`;

function schemaProp(key) {
  const [head, tail] = key.split('.');
  const prop = schema.properties?.[head] ?? {};
  return tail ? prop.properties?.[tail] ?? {} : prop;
}
function uiFor(key) {
  const [head, tail] = key.split('.');
  return (tail ? uiSchema[head]?.[tail] : uiSchema[head]) ?? {};
}

function renderForm() {
  const form = $('form');
  const fields = [...type.fields].sort((a, b) => rank(a.key) - rank(b.key));
  const nodes = [];
  let inInjection = false;
  for (const f of fields) {
    if (f.key.startsWith('injection.') && !inInjection) {
      inInjection = true;
      nodes.push(el('h3', { class: 'subhead' }, schema.properties.injection?.title ?? 'Credential injection'));
    }
    nodes.push(renderField(f));
  }
  form.replaceChildren(...nodes);
  document.querySelector('[data-key="cert"]')?.append(certPanel);
  document.querySelector('[data-key="password"]')?.append(keyPanel);
  applyVisibility();
}

function renderField(f) {
  const id = fieldId(f.key);
  const ui = uiFor(f.key);
  const title = schemaProp(f.key).title ?? f.label;
  const widget = ui['ui:widget'] ?? f.kind;
  const value = getValue(f.key);
  const describedBy = `${id}-help ${id}-msg`;
  const common = { id, name: f.key, 'aria-describedby': describedBy, disabled: f.fixedValue !== null,
    placeholder: ui['ui:placeholder'] ?? f.placeholder ?? undefined, spellcheck: 'false', autocomplete: 'off' };
  let input;
  if (f.kind === 'select' && widget === 'radio') {
    input = el('fieldset', { class: 'inline', id, 'aria-describedby': describedBy },
      el('legend', {}, title),
      ...f.options.map((o) => el('label', {}, el('input', { type: 'radio', name: f.key, value: o.value, checked: value === o.value }), ' ', o.label)));
  } else if (f.kind === 'select') {
    input = el('select', common, ...f.options.map((o) => el('option', { value: o.value, selected: value === o.value }, o.label)));
  } else if (f.kind === 'checkbox') {
    input = el('input', { ...common, type: 'checkbox', checked: value === true });
  } else if (f.kind === 'textarea' || f.kind === 'secret-textarea' || widget === 'textarea') {
    input = el('textarea', { ...common, rows: String(ui['ui:options']?.rows ?? 6) });
    input.value = value ?? '';
  } else {
    input = el('input', { ...common, type: widget === 'password' || f.kind === 'password' ? 'password' : 'text' });
    input.value = Array.isArray(value) ? value.join(', ') : value ?? '';
  }
  const required = f.required ? el('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null;
  const label = input.tagName === 'FIELDSET' ? null : el('label', { for: id }, title, required);
  if (f.required && input.tagName !== 'FIELDSET') input.setAttribute('aria-required', 'true');
  const help = ui['ui:help'] ?? f.help;
  const wrap = el('div', { class: 'field', 'data-key': f.key },
    ...(f.kind === 'checkbox' ? [el('div', { class: 'check-row' }, input, label)] : [label, input]),
    el('div', { class: 'help', id: `${id}-help` }, help ?? ''),
    el('div', { class: 'messages', id: `${id}-msg`, 'aria-live': 'polite' }));
  const onInput = (e) => {
    const t = e.target;
    const v = t.type === 'checkbox' ? t.checked : t.value;
    setValue(f.key, f.key.startsWith('injection.') && /Inject$/.test(f.key) ? splitList(v) : v);
    touched.add(f.key);
    update();
  };
  wrap.addEventListener('input', onInput);
  wrap.addEventListener('change', onInput);
  return wrap;
}

const splitList = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

function getValue(key) {
  const [head, tail] = key.split('.');
  return tail ? config[head]?.[tail] : config[head];
}
function setValue(key, value) {
  const [head, tail] = key.split('.');
  const empty = value === '' || (Array.isArray(value) && value.length === 0);
  if (tail) {
    const obj = { ...(config[head] ?? {}) };
    if (empty) delete obj[tail]; else obj[tail] = value;
    if (Object.keys(obj).length) config[head] = obj; else delete config[head];
  } else if (empty) delete config[head]; else config[head] = value;
}

// A field whose catalog entry says `requiredWhen: "other=value"` (or "... starts with ...") only
// appears when that holds.
function visible(f) {
  const rule = f.requiredWhen;
  if (!rule) return true;
  let m = rule.match(/^([\w.]+)=(.+)$/);
  if (m) return getValue(m[1]) === m[2];
  m = rule.match(/^([\w.]+) starts with (\S+)$/);
  if (m) return String(getValue(m[1]) ?? '').startsWith(m[2]);
  return true;
}
function applyVisibility() {
  for (const f of type.fields) {
    const wrap = document.querySelector(`[data-key="${f.key}"]`);
    if (wrap) wrap.hidden = !visible(f);
  }
}

// ---- everything derived from the configuration ------------------------------------------------
function update() {
  applyVisibility();
  for (const f of type.fields) renderMessages(f);
  renderCertificate();
  renderGcpKey();
  renderSummary();
  renderSecret();
  renderPlan();
  document.dispatchEvent(new CustomEvent('regcred:config', { detail: config })); // www/images.js
}

function renderMessages(f) {
  const box = $(`${fieldId(f.key)}-msg`);
  const input = $(fieldId(f.key));
  if (!box) return;
  if (!touched.has(f.key) || !visible(f)) {
    box.replaceChildren();
    input?.removeAttribute('aria-invalid');
    return;
  }
  const report = attempt(() => validateField(type.id, f.key, getValue(f.key) ?? '', { config }));
  const issues = report.error ? [{ kind: 'error', message: report.error.message }] : [
    ...report.errors.map((i) => ({ kind: 'error', ...i })),
    ...report.warnings.map((i) => ({ kind: 'warning', ...i })),
  ];
  box.replaceChildren(...issues.map((i) => el('div', { class: i.kind, 'data-code': i.code ?? '' },
    i.kind === 'warning' ? 'Warning: ' : '', i.message)));
  if (issues.some((i) => i.kind === 'error')) input?.setAttribute('aria-invalid', 'true'); else input?.removeAttribute('aria-invalid');
}

function registryHost() {
  const url = config.registryUrl ?? type.defaultUrl ?? '';
  return url.replace(/^[a-z]+:\/\//i, '').split('/')[0].replace(/:\d+$/, '') || undefined;
}

function renderCertificate() {
  const box = certPanel;
  const pem = config.cert;
  box.hidden = !pem || config.connection !== 'secure-with-cert';
  if (box.hidden) return box.replaceChildren();
  const report = attempt(() => inspectCertificates(pem, { host: registryHost() }));
  const certs = report.value?.certificates ?? [];
  box.replaceChildren(el('h3', {}, `CA certificate${certs.length === 1 ? '' : 's'}: ${certs.length} found`),
    ...certs.map((c, i) => el('dl', { class: 'cert', 'data-index': String(i) },
      ...pair('Subject', c.subject, 'subject'), ...pair('Issuer', c.issuer, 'issuer'),
      ...pair('Valid from', c.notBefore), ...pair('Expires', c.notAfter, 'expires'),
      ...pair('SHA-256 fingerprint', c.sha256Fingerprint, 'fingerprint'),
      ...pair('Certificate authority', c.isCa ? 'yes (CA)' : 'no (leaf certificate)', 'is-ca'),
      ...pair('Self-signed', c.selfSigned ? 'yes' : 'no'),
      ...pair('Key', c.keyAlgorithm),
      ...(c.subjectAltNames?.length ? pair('Names', c.subjectAltNames.join(', ')) : []))));
}
const pair = (term, value, cls) => [el('dt', {}, term), el('dd', cls ? { class: cls } : {}, String(value ?? '—'))];

function renderGcpKey() {
  const box = keyPanel;
  const gcp = type.id === 'gcr' || type.id === 'artifact-registry';
  box.hidden = !gcp || !config.password;
  if (box.hidden) return box.replaceChildren();
  const report = attempt(() => parseServiceAccountKey(config.password));
  if (!report.value) return box.replaceChildren(el('p', {}, 'The key is not usable yet (see the message under the field).'));
  box.replaceChildren(
    el('h3', {}, 'Service-account key'),
    el('dl', {}, ...pair('Client e-mail', report.value.clientEmail), ...pair('Project', report.value.projectId),
      ...pair('Key id', report.value.privateKeyId)),
    el('p', { class: 'help' }, 'Compact form (whitespace between JSON tokens removed; the private key intact) — what goes into the secret:'),
    el('pre', { id: 'gcp-compact', tabindex: '0' }, report.value.compact));
}

function renderSummary() {
  const report = attempt(() => validateRegistry(config));
  const box = $('summary');
  if (report.error) return box.replaceChildren(el('p', { class: 'error' }, report.error.message));
  box.replaceChildren(el('p', { class: report.valid ? 'ok' : 'error' }, report.valid
    ? `Valid${report.warnings.length ? `, with ${report.warnings.length} warning(s)` : ''}.`
    : `${report.errors.length} problem(s) to fix: ${report.errors.map((e) => e.path || 'form').join(', ')}`));
}

function secretOptions() {
  return {
    name: $('secret-name').value.trim(),
    namespace: $('secret-namespace').value.trim() || undefined,
    format: document.querySelector('input[name="secret-format"]:checked').value,
  };
}

function renderSecret() {
  const secret = attempt(() => pullSecret({ ...secretOptions(), registries: [config] }));
  $('secret-output').textContent = typeof secret === 'string' ? secret : explain(secret.error);
  const file = attempt(() => dockerConfigFile([config]));
  $('config-output').textContent = typeof file === 'string' ? file : explain(file.error);
}
const explain = (e) => `# Nothing to show yet: ${e?.message ?? e}` +
  (e?.errors?.length ? `\n# ${e.errors.map((i) => `${i.path || 'form'}: ${i.message}`).join('\n# ')}` : '');

function renderPlan() {
  const plan = attempt(() => injectionPlan(config, SAMPLE_CLUSTERS));
  const body = $('plan').tBodies[0];
  if (!Array.isArray(plan)) {
    return body.replaceChildren(el('tr', {}, el('td', { colspan: '4' }, plan.error.message)));
  }
  body.replaceChildren(...plan.map((r) => el('tr', {},
    el('td', {}, `${r.clusterName ?? ''} (id ${r.clusterId})`), el('td', {}, r.inject ? 'yes' : 'no'),
    el('td', {}, r.secretName ?? '—'), el('td', {}, r.reason?.message ?? ''))));
}

/** Calls `fn`; a thrown error becomes `{ error }` so one panel's problem never breaks the page. */
function attempt(fn) {
  try {
    return fn();
  } catch (error) {
    return { error, errors: [], warnings: [] };
  }
}

// ---- 5. test connection through the page's fetch -----------------------------------------------
$('verify').addEventListener('click', async () => {
  const out = $('verify-output');
  const button = $('verify');
  button.disabled = true;
  delete out.dataset.status;
  out.replaceChildren(el('p', {}, 'Checking…'));
  try {
    const result = await verifyCredentials(config, { fetch: (input, init) => fetch(input, init), timeoutMs: 10000 });
    out.dataset.status = result.status;
    out.replaceChildren(
      el('p', { class: `result ${result.ok ? 'ok' : 'error'}` }, `${result.ok ? 'Success' : 'Failed'}: `,
        el('strong', { class: 'status' }, result.status), result.code ? el('code', { class: 'code' }, result.code) : null),
      el('p', { class: 'message' }, result.message),
      result.steps.length
        ? el('ol', { class: 'steps', 'aria-label': 'Requests' }, ...result.steps.map((s) => el('li', {},
          `${s.method} ${s.url} → ${s.status ?? `no answer (${s.error ?? 'failed'})`}`)))
        : el('p', { class: 'help' }, 'No request was sent.'));
  } catch (e) {
    out.dataset.status = 'error';
    out.replaceChildren(el('p', { class: 'error' }, `${e.code ? `${e.code}: ` : ''}${e.message}`),
      ...(e.errors ?? []).map((i) => el('p', { class: 'error' }, `${i.path || 'form'}: ${i.message}`)));
  } finally {
    button.disabled = false;
  }
});

// ---- wiring ---------------------------------------------------------------------------------------
for (const id of ['secret-name', 'secret-namespace']) $(id).addEventListener('input', renderSecret);
for (const r of document.querySelectorAll('input[name="secret-format"]')) r.addEventListener('change', renderSecret);
for (const b of document.querySelectorAll('button.copy')) {
  b.addEventListener('click', async () => {
    const text = $(b.dataset.target).textContent;
    try {
      await navigator.clipboard.writeText(text);
      b.textContent = 'Copied';
    } catch {
      const range = document.createRange();
      range.selectNodeContents($(b.dataset.target));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      b.textContent = 'Selected — press Ctrl+C';
    }
    setTimeout(() => { b.textContent = 'Copy'; }, 1500);
  });
}
$('sample').addEventListener('click', () => pickType(type.id, SAMPLES[type.id] ?? { name: `my-${type.id}`.slice(0, 30) }));

pickType(types[0].id);
document.body.dataset.ready = 'true';
