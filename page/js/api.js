// Calls to the desk's API, on the page's own origin (CloudFront routes the API's paths to it; dev mode serves both).
// Every answer is read the same way: the JSON of a success, or the refusal {code, field, message}, or the message
// API Gateway gives itself, or "not reached".

let base = '';
let token = () => null;
let unauthorized = () => {};

export function configure(options) {
  base = options.base || '';
  token = options.token || token;
  unauthorized = options.unauthorized || unauthorized;
}

export async function call(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch(base + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit',
    });
  } catch (e) {
    return {ok: false, network: true, error: {code: null, field: null, message: String(e.message || e)}};
  }
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null;
  }
  if (response.ok) return {ok: true, status: response.status, data};
  // API Gateway's own 401: the token expired or was refused before any function ran.
  if (response.status === 401) unauthorized();
  const error = data && data.code
    ? {code: data.code, field: data.field, message: data.message}
    : {code: null, field: null, message: (data && data.message) || response.statusText};
  return {ok: false, status: response.status, error};
}

export function query(parameters) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) if (value !== undefined && value !== null && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
