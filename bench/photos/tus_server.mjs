// The tus reference server (@tus/server with @tus/file-store) over HTTPS on loopback, serving
// tus at /v1/uploads like duban-server, so Duban's uploader talks to it unchanged. HEAD
// /v1/blobs/<sha256> (Duban's dedup step before an upload) answers 404: not there, send it.
// Prints {"port": N} once listening, then {"finished": id, "size": n} per completed upload.
// Usage: node tus_server.mjs CERT KEY DIR
import fs from 'node:fs';
import https from 'node:https';
import { Server, EVENTS } from '@tus/server';
import { FileStore } from '@tus/file-store';

const [cert, key, directory] = process.argv.slice(2);
const tus = new Server({ path: '/v1/uploads', datastore: new FileStore({ directory }) });
tus.on(EVENTS.POST_FINISH, (req, res, upload) => {
  console.log(JSON.stringify({ finished: upload.id, size: upload.size }));
});

const server = https.createServer(
  { cert: fs.readFileSync(cert), key: fs.readFileSync(key) },
  (req, res) => {
    if (req.url.startsWith('/v1/uploads')) {
      tus.handle(req, res);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"error": {"code": "not_found", "message": "not a tus path"}}');
  });
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
