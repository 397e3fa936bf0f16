// The action forms: every field labelled, a refusal shown at the field it names with the API's own message, and
// what was typed kept: in the form after a failed call, and in this tab's sessionStorage until the call succeeds
// (a session that ends, a reload, a sign-in in between lose nothing).

import {el, replace} from './dom.js';
import {t} from './i18n.js';

const PREFIX = 'desk.draft.';

export function forgetAll() {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}

function control(field, fieldId, errorId) {
  const common = {id: fieldId, name: field.name, 'aria-describedby': field.hint ? `${errorId} ${fieldId}-hint` : errorId};
  if (field.type === 'select') {
    return el('select', common, field.options.map((o) => el('option', {value: o.value, text: o.label})));
  }
  if (field.type === 'textarea') return el('textarea', {...common, rows: field.rows || 6, spellcheck: 'false'});
  if (field.type === 'checkbox') return el('input', {...common, type: 'checkbox'});
  return el('input', {
    ...common, type: field.type || 'text', inputmode: field.inputmode, autocomplete: 'off', required: field.required,
  });
}

export function form(spec) {
  const store = PREFIX + spec.store;
  const inputs = {};
  const errors = {};
  const rows = {};
  const status = el('p', {class: 'form-status', role: 'status', 'aria-live': 'polite'});
  const formError = el('p', {class: 'field-error form-error', role: 'alert', hidden: true});
  const submit = el('button', {type: 'submit', class: 'primary', text: t(spec.submit)});
  const node = el('form', {
    class: 'action', id: spec.id, novalidate: true, 'aria-labelledby': spec.title ? `${spec.id}-title` : null,
    'aria-label': spec.title ? null : t(spec.label),
  },
    spec.title ? el('h3', {id: `${spec.id}-title`, text: t(spec.title)}) : null,
    spec.intro ? el('p', {class: 'hint', text: spec.intro}) : null);
  for (const field of spec.fields) {
    const fieldId = `${spec.id}-${field.name}`;
    const errorId = `${fieldId}-error`;
    const input = control(field, fieldId, errorId);
    const error = el('p', {class: 'field-error', id: errorId, hidden: true});
    const label = el('label', {for: fieldId, text: t(field.label)});
    const hint = field.hint ? el('p', {class: 'hint', id: `${fieldId}-hint`, text: t(field.hint)}) : null;
    rows[field.name] = field.type === 'checkbox'
      ? el('div', {class: 'field check'}, input, label, hint, error)
      : el('div', {class: 'field'}, label, input, hint, error);
    inputs[field.name] = input;
    errors[field.name] = error;
    node.append(rows[field.name]);
  }
  node.append(formError, el('div', {class: 'buttons'}, submit), status);

  const values = () => {
    const out = {};
    for (const [name, input] of Object.entries(inputs)) out[name] = input.type === 'checkbox' ? input.checked : input.value;
    return out;
  };
  const set = (name, value) => {
    const input = inputs[name];
    if (!input) return;
    if (input.type === 'checkbox') input.checked = Boolean(value);
    else input.value = value;
  };
  const defaults = () => {
    for (const field of spec.fields) if (field.value !== undefined) set(field.name, field.value);
  };
  const save = () => sessionStorage.setItem(store, JSON.stringify(values()));

  defaults();
  const kept = sessionStorage.getItem(store);
  if (kept) for (const [name, value] of Object.entries(JSON.parse(kept))) set(name, value);
  node.addEventListener('input', save);
  node.addEventListener('change', save);

  const clearRefusals = () => {
    for (const [name, error] of Object.entries(errors)) {
      error.hidden = true;
      error.textContent = '';
      inputs[name].removeAttribute('aria-invalid');
    }
    formError.hidden = true;
    formError.textContent = '';
  };

  // The field a refusal names: the field of that name, else the one whose name starts its path ("spapiOrder.x").
  const fieldOf = (apiField) => {
    if (!apiField) return null;
    const match = spec.fields.filter((f) => (f.api || f.name) === apiField || apiField.startsWith(`${f.api || f.name}.`));
    return match.length ? match[0].name : null;
  };

  const api = {
    node, values, set, inputs, rows,
    show(name, visible) {
      rows[name].hidden = !visible;
    },
    refused(error) {
      clearRefusals();
      const name = fieldOf(error.field);
      if (name && !rows[name].hidden) {
        errors[name].textContent = error.message;
        errors[name].hidden = false;
        inputs[name].setAttribute('aria-invalid', 'true');
        inputs[name].focus();
      } else {
        formError.textContent = error.message;
        formError.hidden = false;
      }
    },
    message(text, kind = 'ok', ...more) {
      status.className = `form-status ${kind}`;
      replace(status, text, ...more);
    },
    // After the desk recorded it: nothing left to keep.
    done() {
      sessionStorage.removeItem(store);
      node.reset();
      defaults();
      clearRefusals();
    },
    clearRefusals,
  };

  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearRefusals();
    api.message('');
    submit.disabled = true;
    node.setAttribute('aria-busy', 'true');
    try {
      await spec.onSubmit(values(), api);
    } finally {
      submit.disabled = spec.disabled || false;
      node.removeAttribute('aria-busy');
    }
  });
  if (spec.disabled) {
    submit.disabled = true;
    node.append(el('p', {class: 'hint', text: t('auth.readOnly')}));
  }
  return api;
}

// What a failed call says, at its field or over the form; what was typed stays.
export function failed(answer, handle) {
  if (answer.network) handle.refused({field: null, message: t('result.unreachable')});
  else if (answer.error.code) handle.refused(answer.error);
  else handle.refused({field: null, message: t('result.failed', {status: answer.status, message: answer.error.message})});
}

export function options(prefix, codes, empty) {
  const list = codes.map((code) => ({value: code, label: t(`${prefix}.${code}`)}));
  return empty ? [{value: '', label: t(empty)}, ...list] : list;
}

