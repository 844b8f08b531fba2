// Counts the bytes on the wire between a client and a server on loopback, the same way for both
// sides of the comparison: every byte read from or written to the client's TCP socket (TLS
// records included). Two modes:
//   node wire_proxy.js tcp LISTEN_PORT TARGET_PORT CONTROL_PORT
//       passes TLS through untouched (duban-server speaks HTTPS itself);
//   node wire_proxy.js tls LISTEN_PORT TARGET_PORT CONTROL_PORT CERT KEY
//       terminates TLS with CERT/KEY and forwards plain HTTP (pouchdb-server speaks HTTP only).
// GET http://127.0.0.1:CONTROL_PORT/stats -> {"up": bytes from clients, "down": bytes to them};
// POST /reset zeroes both.
'use strict';
const net = require('net');
const tls = require('tls');
const fs = require('fs');
const http = require('http');

const [mode, listenPort, targetPort, controlPort, certFile, keyFile] = process.argv.slice(2);
if (!['tcp', 'tls'].includes(mode) || !controlPort) {
  console.error('usage: wire_proxy.js tcp|tls LISTEN TARGET CONTROL [CERT KEY]');
  process.exit(2);
}
const context = mode === 'tls'
  ? tls.createSecureContext({ cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) })
  : null;

let up = 0;
let down = 0;
const open = new Set();  // raw client sockets, counted live so a reset mid-connection is exact
const baseline = new Map();

function counted(raw) {
  return { up: raw.bytesRead - baseline.get(raw).up, down: raw.bytesWritten - baseline.get(raw).down };
}

net.createServer((raw) => {
  raw.setNoDelay(true);
  open.add(raw);
  baseline.set(raw, { up: 0, down: 0 });
  const client = context ? new tls.TLSSocket(raw, { isServer: true, secureContext: context }) : raw;
  const server = net.connect(Number(targetPort), '127.0.0.1');
  server.setNoDelay(true);
  client.pipe(server).pipe(client);
  const close = () => {
    if (open.delete(raw)) {
      const c = counted(raw);
      up += c.up;
      down += c.down;
    }
    client.destroy();
    server.destroy();
  };
  for (const s of [client, server, raw]) {
    s.on('error', close);
    s.on('close', close);
  }
}).listen(Number(listenPort), '127.0.0.1');

http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/reset') {
    up = 0;
    down = 0;
    for (const raw of open) baseline.set(raw, { up: raw.bytesRead, down: raw.bytesWritten });
    res.end('{}');
    return;
  }
  let u = up;
  let d = down;
  for (const raw of open) {
    const c = counted(raw);
    u += c.up;
    d += c.down;
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ up: u, down: d, connections: open.size }));
}).listen(Number(controlPort), '127.0.0.1');
