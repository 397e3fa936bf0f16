// Signing in on AWS: Cognito's hosted sign-in, authorization code with PKCE (RFC 7636), for a public client that
// keeps no secret. Tokens live in this tab's sessionStorage only, never localStorage, and no refresh token is kept:
// the session ends when the ID token expires, and the page keeps what was typed (forms.js) for after the next sign-in.
// Locally (no sign-in configured) there is nobody to sign in.

const KEY = {token: 'desk.token', state: 'desk.signin.state', verifier: 'desk.signin.verifier', back: 'desk.signin.back'};

let settings = null;
let session = null;
let timer = null;
let ended = () => {};

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function claimsOf(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(part), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
  return JSON.parse(json);
}

function redirectUri() {
  return `${location.origin}/`;
}

function start(idToken) {
  const claims = claimsOf(idToken);
  const groups = claims['cognito:groups'] || [];
  session = {
    token: idToken,
    name: claims.email || claims['cognito:username'] || claims.sub,
    expiresAt: claims.exp * 1000,
    mayRecord: groups.includes('desk-recorders'),
  };
  clearTimeout(timer);
  const left = session.expiresAt - Date.now();
  if (left <= 0) {
    end('expired');
    return;
  }
  timer = setTimeout(() => end('expired'), left);
}

function end(why) {
  clearTimeout(timer);
  session = null;
  sessionStorage.removeItem(KEY.token);
  ended(why);
}

// Reads the configuration and, back from the hosted sign-in with a code, exchanges it for tokens.
export async function init(config, onEnded) {
  settings = config.signIn || null;
  ended = onEnded;
  if (!settings) return {local: true};
  const url = new URL(location.href);
  if (url.searchParams.has('error')) {
    history.replaceState(null, '', '/');
    return {failed: url.searchParams.get('error_description') || url.searchParams.get('error')};
  }
  if (url.searchParams.has('code')) {
    const expected = sessionStorage.getItem(KEY.state);
    const verifier = sessionStorage.getItem(KEY.verifier);
    const back = sessionStorage.getItem(KEY.back) || '#/';
    sessionStorage.removeItem(KEY.state);
    sessionStorage.removeItem(KEY.verifier);
    sessionStorage.removeItem(KEY.back);
    history.replaceState(null, '', `/${back}`);
    if (!expected || url.searchParams.get('state') !== expected || !verifier) return {failed: 'state'};
    let answer;
    try {
      const response = await fetch(`${settings.domain}/oauth2/token`, {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({
          grant_type: 'authorization_code', client_id: settings.clientId, code: url.searchParams.get('code'),
          redirect_uri: redirectUri(), code_verifier: verifier,
        }),
        credentials: 'omit',
      });
      answer = await response.json();
      if (!response.ok) return {failed: answer.error || response.status};
    } catch (e) {
      return {failed: String(e.message || e)};
    }
    sessionStorage.setItem(KEY.token, answer.id_token);
    start(answer.id_token);
    return {signedIn: true};
  }
  const kept = sessionStorage.getItem(KEY.token);
  if (kept) start(kept);
  return {signedIn: Boolean(session)};
}

export function required() {
  return Boolean(settings);
}

export function user() {
  return session;
}

// The ID token: API Gateway checks its signature, issuer, audience (the page's client) and expiry; it names the
// person by e-mail and carries the groups, which the API's edge reads.
export function token() {
  return session ? session.token : null;
}

export function mayRecord() {
  return !settings || Boolean(session && session.mayRecord);
}

export async function signIn() {
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(KEY.verifier, verifier);
  sessionStorage.setItem(KEY.state, state);
  sessionStorage.setItem(KEY.back, location.hash || '#/');
  const parameters = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(), scope: 'openid email profile',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${settings.domain}/oauth2/authorize?${parameters}`);
}

export function signOut() {
  clearTimeout(timer);
  session = null;
  sessionStorage.removeItem(KEY.token);
  const parameters = new URLSearchParams({client_id: settings.clientId, logout_uri: redirectUri()});
  location.assign(`${settings.domain}/logout?${parameters}`);
}

// API Gateway refused the token (401): the session is over, as when it expires.
export function refused() {
  if (session) end('expired');
}
