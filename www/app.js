// The demo page: lists the registry types and renders each type's form from the schema.
import { registryTypes, registrySchema } from '../pkg/inline.js';

const types = registryTypes();
const schema = registrySchema();
const list = document.getElementById('types');
const form = document.getElementById('form');

function render(type) {
  for (const b of list.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.id === type.id));
  form.replaceChildren();
  for (const f of type.fields) {
    if (f.key.startsWith('injection.')) continue;
    const prop = schema.properties[f.key] ?? {};
    const wrap = document.createElement('div');
    wrap.className = 'field';
    const id = `f-${f.key}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = prop.title ?? f.label;
    let input;
    if (f.kind === 'select') {
      input = document.createElement('select');
      for (const o of f.options) input.add(new Option(o.label, o.value, false, o.value === f.defaultValue));
    } else if (f.kind === 'textarea' || f.kind === 'secret-textarea') {
      input = document.createElement('textarea');
    } else {
      input = document.createElement('input');
      input.type = f.kind === 'password' ? 'password' : f.kind === 'checkbox' ? 'checkbox' : 'text';
      if (f.defaultValue) input.value = f.defaultValue;
    }
    input.id = id;
    input.name = f.key;
    if (f.placeholder) input.placeholder = f.placeholder;
    if (f.fixedValue) { input.value = f.fixedValue; input.readOnly = true; }
    wrap.append(label, input);
    if (f.help) {
      const help = document.createElement('div');
      help.className = 'help';
      help.textContent = f.help;
      wrap.append(help);
    }
    form.append(wrap);
  }
}

for (const t of types) {
  const li = document.createElement('li');
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.id = t.id;
  b.textContent = t.label;
  b.addEventListener('click', () => render(t));
  li.append(b);
  list.append(li);
}
render(types[0]);
