// The demo public client: authorization code flow with PKCE (RFC 7636), S256 only.
'use strict';

const CLIENT_ID = 'demo-spa';

function base64url(bytes) {
  let text = '';
  new Uint8Array(bytes).forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function metadata() {
  const response = await fetch('/.well-known/oauth-authorization-server');
  return response.json();
}

async function start() {
  const server = await metadata();
  if (new URL(server.issuer).origin !== location.origin) {
    // The verifier lives in this origin's session storage: run the flow on the issuer's origin.
    location.assign(server.issuer + '/demo');
    return;
  }
  const verifier = randomString(32);
  const state = randomString(16);
  sessionStorage.setItem('demo.verifier', verifier);
  sessionStorage.setItem('demo.state', state);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const request = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: server.issuer + '/demo/callback',
    scope: 'read write',
    state: state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(server.authorization_endpoint + '?' + request);
}

function show(outcome, tokenResponse, me) {
  document.getElementById('result').hidden = false;
  document.getElementById('outcome').textContent = outcome;
  document.getElementById('token-response').textContent = tokenResponse;
  document.getElementById('me').textContent = me;
}

async function callback() {
  const params = new URLSearchParams(location.search);
  const server = await metadata();
  if (params.get('iss') !== server.issuer) {
    show('Refused: the response does not come from this issuer (RFC 9207)', '', '');
    return;
  }
  if (params.get('state') !== sessionStorage.getItem('demo.state')) {
    show('Refused: state does not match this browser\'s request', '', '');
    return;
  }
  if (params.has('error')) {
    show('Authorization failed: ' + params.get('error'), params.get('error_description') || '', '');
    return;
  }
  const tokenResponse = await fetch(server.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: server.issuer + '/demo/callback',
      client_id: CLIENT_ID,
      code_verifier: sessionStorage.getItem('demo.verifier'),
    }),
  });
  const tokens = await tokenResponse.json();
  sessionStorage.removeItem('demo.verifier');
  if (!tokenResponse.ok) {
    show('Token request failed: ' + tokens.error, JSON.stringify(tokens, null, 2), '');
    return;
  }
  const me = await fetch('/api/me', { headers: { Authorization: 'Bearer ' + tokens.access_token } });
  show('Signed in', JSON.stringify(tokens, null, 2), JSON.stringify(await me.json(), null, 2));
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('start').addEventListener('click', start);
  if (location.pathname.endsWith('/callback')) {
    callback();
  }
});
