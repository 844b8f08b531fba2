// The CouchDB replication protocol side of the record-sync benchmark: PouchDB (pouchdb-node, a
// LevelDB database in a folder, as a device would have) replicating with pouchdb-server. Each
// command prints one JSON line; times are measured here, around the replication alone (Node's
// start and require() are outside them).
//   node peer.js seed REMOTE DOCS.ndjson            load the documents into the server (untimed)
//   node peer.js adopt REMOTE DIR                   a copy of the server's database as a device
//                                                   that has pulled everything (untimed)
//   node peer.js pull REMOTE DIR                    initial pull into an empty device
//   node peer.js noop REMOTE DIR                    pull again with nothing new
//   node peer.js noop-loop REMOTE DIR N             N more in one process, each timed (the
//                                                   first, which opens the connection, apart)
//   node peer.js push REMOTE DIR N DOCS.ndjson      N offline changes, then push them
//   node peer.js latency REMOTE DIR_A DIR_B N       save on A -> arrival on B, live replication
'use strict';
const fs = require('fs');
const readline = require('readline');
const PouchDB = require('pouchdb-node');

const [command, remoteUrl, ...rest] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const print = (o) => process.stdout.write(JSON.stringify(o) + '\n');

async function readDocs(file) {
  const docs = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file) });
  for await (const line of lines) if (line) docs.push(JSON.parse(line));
  return docs;
}

// A draft report like the ones the Duban device saves offline (same fields, same text).
function offlineReport(template, i) {
  const { _rev, ...fields } = template;  // a new document, not a revision of the template
  return Object.assign(fields, {
    _id: `offline-${Date.now()}-${i}`, id: undefined, period: `2023-0${1 + (i % 9)}`,
    investment: (i % 5000) * 10000, percent_complete: i % 101, state: 'draft', version: 0,
    narrative: '主体结构施工完成，正在进行二次结构砌筑和机电安装，现场施工人员一百二十人，'
      + '厂房钢结构吊装已完成七成，屋面板铺设同步推进，设备基础浇筑完毕，本月完成投资按计划推进。',
  });
}

async function main() {
  const remote = new PouchDB(remoteUrl);
  if (command === 'seed') {
    // Streamed in batches of 1,000: a million documents do not fit in Node's heap at once.
    const start = now();
    let seeded = 0;
    let batch = [];
    const send = async () => {
      const result = await remote.bulkDocs(batch);
      const failed = result.filter((r) => r.error);
      if (failed.length) throw new Error(`seed: ${failed.length} documents refused: ${JSON.stringify(failed[0])}`);
      seeded += batch.length;
      batch = [];
    };
    const lines = readline.createInterface({ input: fs.createReadStream(rest[0]) });
    for await (const line of lines) {
      if (line) batch.push(JSON.parse(line));
      if (batch.length === 1000) await send();
    }
    if (batch.length) await send();
    print({ seeded, ms: now() - start });
  } else if (command === 'adopt') {
    // A device folder copied from the server's own database (the same documents and revisions)
    // is brought to the state of a device that has pulled everything: one replication from the
    // server's current update_seq writes the checkpoint; later ones are true no-ops.
    const local = new PouchDB(rest[0]);
    const info = await remote.info();
    const result = await local.replicate.from(remote, { since: info.update_seq });
    const docs = (await local.info()).doc_count;
    print({ docs, update_seq: info.update_seq, docs_written: result.docs_written });
    await local.close();
  } else if (command === 'pull' || command === 'noop') {
    const local = new PouchDB(rest[0]);
    const start = now();
    const result = await local.replicate.from(remote);
    print({ ms: now() - start, docs: result.docs_written, ok: result.ok });
    await local.close();
  } else if (command === 'noop-loop') {
    const local = new PouchDB(rest[0]);
    let start = now();
    await local.replicate.from(remote);
    const first = now() - start;
    const runs = [];
    for (let i = 0; i < Number(rest[1]); ++i) {
      start = now();
      const result = await local.replicate.from(remote);
      runs.push(now() - start);
      if (result.docs_written !== 0) throw new Error(`noop-loop: ${result.docs_written} written`);
    }
    print({ first_ms: first, runs_ms: runs });
    await local.close();
  } else if (command === 'push') {
    const local = new PouchDB(rest[0]);
    await local.replicate.to(remote);  // the checkpoint a device that pushed before has
    const count = Number(rest[1]);
    const template = (await readDocs(rest[2])).find((d) => d.entity === 'progress_report');
    const docs = [];
    for (let i = 0; i < count; ++i) docs.push(offlineReport(template, i));
    for (let i = 0; i < docs.length; i += 1000) await local.bulkDocs(docs.slice(i, i + 1000));
    const start = now();
    const result = await local.replicate.to(remote);
    print({ ms: now() - start, docs: result.docs_written, ok: result.ok });
    await local.close();
  } else if (command === 'latency') {
    const a = new PouchDB(rest[0]);
    const b = new PouchDB(rest[1]);
    const count = Number(rest[2]);
    const template = (await a.allDocs({ include_docs: true, limit: 50 })).rows
      .map((r) => r.doc).find((d) => d.entity === 'progress_report');
    const push = a.replicate.to(remote, { live: true, retry: true });
    const pull = b.replicate.from(remote, { live: true, retry: true });
    await new Promise((resolve) => pull.once('paused', resolve));
    const samples = [];
    for (let i = 0; i < count; ++i) {
      const doc = offlineReport(template, i);
      doc._id = `latency-${Date.now()}-${i}`;
      const arrived = new Promise((resolve) => {
        const feed = b.changes({ since: 'now', live: true }).on('change', (c) => {
          if (c.id === doc._id) { feed.cancel(); resolve(); }
        });
      });
      const start = now();
      await a.put(doc);
      await arrived;
      samples.push(now() - start);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    push.cancel();
    pull.cancel();
    print({ samples });
    await a.close();
    await b.close();
  } else {
    throw new Error(`unknown command ${command}`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
