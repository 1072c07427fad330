// The demo page. Everything the page knows about registries comes from regcred: the types and
// their fields (registryTypes, registrySchema, registryUiSchema), the messages (validateField,
// validateRegistry), certificate and key details, the generated secret and config.json, the
// injection plan and the credential check. The page only renders.
import * as regcred from 'regcred/web';
import './images.js'; // section 6: image references, credentials, pull access
import { formOf, initialValues } from './form.js'; // a type's form from registrySchema(type)

await regcred.init();
const { registryTypes, registrySchema, registryUiSchema, validateField, validateRegistry, inspectCertificates,
  parseServiceAccountKey, pullSecret, dockerConfigFile, injectionPlan, verifyCredentials } = regcred;

const types = registryTypes();
const SAMPLE_CLUSTERS = [{ id: 1, name: 'default_cluster' }, { id: 2, name: 'prod-eu' }, { id: 3, name: 'staging' }, { id: 4, name: 'dev-sandbox' }];
const SAMPLES = {
  ecr: { name: 'shop-ecr', registryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', awsAuthType: 'user-auth',
    awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  'docker-hub': { name: 'dockerhub', username: 'alice', password: 'dckr_pat_example' },
  acr: { name: 'shop-acr', registryUrl: 'shop.azurecr.io', username: '00000000-0000-0000-0000-000000000000', password: 'example-secret' },
  quay: { name: 'quay', username: 'shop+ci', password: 'example-robot-token' },
  gitlab: { name: 'gitlab', username: 'alice', password: 'glpat-example-token' },
  ghcr: { name: 'ghcr', username: 'octocat', password: 'ghp_example_token' },
  harbor: { name: 'harbor-ci', registryUrl: 'harbor.example.com', username: 'robot$library+ci', password: 'example-secret' },
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
let schema = {};   // registrySchema(type.id): the type's own form
let uiSchema = {}; // registryUiSchema(type.id)
let config = {};
const picks = {}; // the person's choice among one-of fields (the two cluster lists)
const touched = new Set();
const form = () => formOf(schema, uiSchema, config, picks);
const inputFields = () => form().fields.filter((f) => f.kind !== 'group');

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
  schema = registrySchema(id);
  uiSchema = registryUiSchema(id);
  config = initialValues(schema);
  for (const k of Object.keys(picks)) delete picks[k];
  touched.clear();
  for (const [key, v] of Object.entries(values)) {
    setValue(key, v);
    touched.add(key);
  }
  // A verification result belongs to the type it was run for.
  delete $('verify-output').dataset.status;
  $('verify-output').replaceChildren();
  renderTypes();
  renderForm();
  update();
}

// ---- 2. the form: the type's own schema and uiSchema, fields shown under their conditions ----
const fieldId = (key) => `f-${key.replace('.', '-')}`;

function renderForm() {
  const { fields, choices } = form();
  const nodes = [];
  for (const f of fields) {
    if (f.kind !== 'group') {
      nodes.push(renderField(f));
      continue;
    }
    nodes.push(el('h3', { class: 'subhead' }, f.title), el('p', { class: 'help' }, f.help ?? ''));
    for (const c of choices.filter((c) => c.group === f.key)) nodes.push(renderChoice(c));
  }
  $('form').replaceChildren(...nodes);
  document.querySelector('[data-key="cert"]')?.append(certPanel);
  document.querySelector('[data-key="password"]')?.append(keyPanel);
  applyVisibility();
}

/** A one-of choice (which cluster list to fill), as a select above its fields. */
function renderChoice(c) {
  const id = fieldId(`${c.group}.choice`);
  const select = el('select', { id }, ...c.options.map((label, i) => el('option', { value: String(i), selected: i === c.picked }, label)));
  select.addEventListener('change', () => {
    picks[c.group] = Number(select.value);
    applyVisibility();
  });
  return el('div', { class: 'field' }, el('label', { for: id }, 'Clusters'), select);
}

function renderField(f) {
  const id = fieldId(f.key);
  const value = getValue(f.key);
  const describedBy = `${id}-help ${id}-msg`;
  const common = { id, name: f.key, 'aria-describedby': describedBy, readOnly: f.readOnly,
    placeholder: f.placeholder ?? undefined, spellcheck: 'false', autocomplete: 'off' };
  let input;
  if (f.kind === 'radio') {
    input = el('fieldset', { class: 'inline', id, 'aria-describedby': describedBy },
      el('legend', {}, f.title),
      ...f.options.map((o) => el('label', {}, el('input', { type: 'radio', name: f.key, value: o.value, checked: value === o.value }), ' ', o.label)));
  } else if (f.kind === 'select') {
    input = el('select', common, ...f.options.map((o) => el('option', { value: o.value, selected: value === o.value }, o.label)));
  } else if (f.kind === 'checkbox') {
    input = el('input', { ...common, type: 'checkbox', checked: value === true });
  } else if (f.kind === 'textarea') {
    input = el('textarea', { ...common, rows: String(f.rows) });
    input.value = value ?? '';
  } else {
    input = el('input', { ...common, type: f.kind === 'password' ? 'password' : 'text' });
    input.value = Array.isArray(value) ? value.join(', ') : value ?? '';
  }
  const required = f.required ? el('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null;
  const label = input.tagName === 'FIELDSET' ? null : el('label', { for: id }, f.title, required);
  if (f.required && input.tagName !== 'FIELDSET') input.setAttribute('aria-required', 'true');
  const wrap = el('div', { class: 'field', 'data-key': f.key },
    ...(f.kind === 'checkbox' ? [el('div', { class: 'check-row' }, input, label)] : [label, input]),
    el('div', { class: 'help', id: `${id}-help` }, f.help ?? ''),
    el('div', { class: 'messages', id: `${id}-msg`, 'aria-live': 'polite' }));
  const onInput = (e) => {
    const t = e.target;
    const v = t.type === 'checkbox' ? t.checked : t.value;
    setValue(f.key, f.kind === 'list' ? splitList(v) : v);
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

function applyVisibility() {
  for (const f of form().fields) {
    const wrap = document.querySelector(`[data-key="${f.key}"]`);
    if (wrap) wrap.hidden = !f.visible;
  }
}

// ---- everything derived from the configuration ------------------------------------------------
function update() {
  applyVisibility();
  for (const f of inputFields()) renderMessages(f);
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
  if (!touched.has(f.key) || !f.visible) {
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
  const cas = certs.filter((c) => c.isCa).length;
  const heading = `${certs.length} certificate${certs.length === 1 ? '' : 's'} pasted, ${cas === certs.length ? (cas === 1 ? 'a CA' : 'all CAs') : `${cas} of them a CA`}`;
  box.replaceChildren(el('h3', {}, heading),
    ...certs.map((c, i) => el('dl', { class: 'cert', 'data-index': String(i) },
      ...pair('Subject', c.subject, 'subject'), ...pair('Issuer', c.issuer, 'issuer'),
      ...pair('Valid from', c.notBefore), ...pair('Expires', c.notAfter, 'expires'),
      ...pair('SHA-256 fingerprint', c.sha256Fingerprint, 'fingerprint'),
      ...pair('Certificate authority', c.isCa ? 'yes (CA)' : 'no: a server (leaf) certificate; paste the CA that issued it', 'is-ca'),
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

/** The title of the field a JSON pointer names (`/injection/secretName` → its label). */
function fieldTitle(path) {
  const [head, tail] = path.slice(1).split('/');
  const key = head === 'injection' && tail ? `injection.${tail}` : head;
  return inputFields().find((f) => f.key === key)?.title ?? 'the form';
}

/** What to do with a valid configuration that is not itself a registry login. */
function nextStep(value) {
  if (value?.awsAuthType === 'user-auth') {
    return 'ECR access keys are not registry credentials: exchange them for a 12-hour registry token with ' +
      'ecrAuthorizationToken() (from a server or an edge worker), and pass it to pullSecret() as ecrToken.';
  }
  if (value?.awsAuthType === 'iam-role') return "With the IAM role the cluster's nodes pull with their own role: no image-pull secret is needed.";
  return null;
}

function renderSummary() {
  const box = $('summary');
  if (touched.size === 0) {
    return box.replaceChildren(el('p', { class: 'help' }, 'Fill in the form, or use “Fill in an example”; problems show under each field as you type.'));
  }
  const report = attempt(() => validateRegistry(config));
  if (report.error) return box.replaceChildren(el('p', { class: 'error' }, report.error.message));
  if (!report.valid) {
    const fields = [...new Set(report.errors.map((e) => fieldTitle(e.path)))];
    return box.replaceChildren(el('p', { class: 'error' },
      `${report.errors.length} problem${report.errors.length === 1 ? '' : 's'} to fix: ${fields.join(', ')}.`));
  }
  const warnings = report.warnings.filter((w) => w.code !== 'config.ignored').length;
  const next = nextStep(report.value);
  box.replaceChildren(el('p', { class: 'ok' }, `Valid${warnings ? `, with ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`),
    next && el('p', { class: 'next' }, next));
}

function secretOptions() {
  return {
    name: $('secret-name').value.trim(),
    namespace: $('secret-namespace').value.trim() || undefined,
    format: document.querySelector('input[name="secret-format"]:checked').value,
  };
}

function renderSecret() {
  if (!attempt(() => validateRegistry(config)).valid) {
    const wait = '# The secret appears once the configuration above is valid.';
    $('secret-output').textContent = wait;
    $('config-output').textContent = wait;
    return;
  }
  const secret = attempt(() => pullSecret({ ...secretOptions(), registries: [config] }));
  $('secret-output').textContent = typeof secret === 'string' ? secret : explain(secret.error);
  const file = attempt(() => dockerConfigFile([config]));
  $('config-output').textContent = typeof file === 'string' ? file : explain(file.error);
}
const explain = (e) => ({
  'secret.ecr-token-required': '# No secret from access keys: exchange them for a registry token first (see above).',
  'secret.ecr-iam-role': "# No secret: the cluster's nodes pull with their IAM role.",
}[e?.code] ?? `# ${e?.message ?? e}`);

function renderPlan() {
  const body = $('plan').tBodies[0];
  const valid = attempt(() => validateRegistry(config)).valid;
  const plan = valid ? attempt(() => injectionPlan(config, SAMPLE_CLUSTERS)) : null;
  if (!Array.isArray(plan)) {
    const why = plan?.error?.message ?? 'The plan appears once the configuration above is valid.';
    return body.replaceChildren(el('tr', {}, el('td', { colspan: '4' }, why)));
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
