// tus-js-client (the tus reference client) uploading one photo to duban-server as a device
// would: sign in (POST /v1/auth/login), tus upload to /v1/uploads with the bearer token and the
// sha256 metadata duban-server needs, then check the blob: HEAD and GET /v1/blobs/<sha256>
// must answer 200 and the served bytes must hash to that SHA-256.
// Prints one JSON line {ok, seconds, sha256, bytes, ...}. The CA comes from NODE_EXTRA_CA_CERTS.
// Usage: node tus_client.mjs SERVER_URL USERNAME PASSWORD FILE CHUNK_BYTES
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as tus from 'tus-js-client';

const [server, username, password, file, chunk] = process.argv.slice(2);
const bytes = fs.readFileSync(file);
const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');

async function call(method, url, token, body) {
  const response = await fetch(server + url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

const login = await call('POST', '/v1/auth/login', null,
  { username, password, device_id: crypto.randomUUID(), device_name: 'tus-js-client' });
if (login.status !== 200) {
  console.log(JSON.stringify({ ok: false, error: `login ${login.status} ${login.body}` }));
  process.exit(1);
}
const token = JSON.parse(login.body).token;

const started = performance.now();
const uploaded = await new Promise((resolve) => {
  const upload = new tus.Upload(bytes, {
    endpoint: `${server}/v1/uploads`,
    chunkSize: Number(chunk),
    headers: { Authorization: `Bearer ${token}` },
    metadata: { sha256, filename: path.basename(file) },
    retryDelays: [0, 500, 1000],
    onError: (error) => resolve({ ok: false, error: String(error) }),
    onSuccess: () => resolve({ ok: true, url: upload.url }),
  });
  upload.start();
});
const seconds = (performance.now() - started) / 1000;

const head = await call('HEAD', `/v1/blobs/${sha256}`, token);
const get = await call('GET', `/v1/blobs/${sha256}`, token);
const served = crypto.createHash('sha256').update(get.body).digest('hex');
const ok = uploaded.ok && head.status === 200 && get.status === 200 && served === sha256;
console.log(JSON.stringify({
  ok, seconds, sha256, bytes: bytes.length, head: head.status, get: get.status,
  served_sha256_matches: served === sha256, ...uploaded,
}));
process.exit(ok ? 0 : 1);
