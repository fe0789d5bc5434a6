#!/usr/bin/env node
// Probe whether a MongoDB-wire server applies conditional updates atomically.
//   node scripts/probe-atomicity.js mongodb://127.0.0.1:27017/
// For each operation, N concurrent writers race on one document with the same filter
// {_id, s: 'P'}; on a server with compare-and-set semantics exactly one may win.
// FerretDB 1.24 (SQLite) lets several win for updateOne/findOneAndUpdate and loses
// $inc increments; insertOne under a unique _id is atomic everywhere.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

export async function probeAtomicity(url, { trials = 10, writers = 8, database = `atomicity_probe_${process.pid}` } = {}) {
  const client = new MongoClient(url, { maxPoolSize: writers * 2, serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  const db = client.db(database);
  const col = db.collection('probe');
  const report = {};
  try {
    const ops = {
      insertOne: (id, i) => col.insertOne({ _id: `${id}-new`, w: i }).then(() => 1, (e) => (e.code === 11000 ? 0 : Promise.reject(e))),
      updateOne: (id, i) => col.updateOne({ _id: id, s: 'P' }, { $set: { s: `S${i}` } }).then((r) => r.modifiedCount),
      findOneAndUpdate: (id, i) => col.findOneAndUpdate({ _id: id, s: 'P' }, { $set: { s: `S${i}` } }).then((r) => (r ? 1 : 0)),
      deleteOne: (id) => col.deleteOne({ _id: id, s: 'P' }).then((r) => r.deletedCount),
    };
    for (const [name, op] of Object.entries(ops)) {
      let broken = 0;
      for (let t = 0; t < trials; t += 1) {
        const id = `${name}-${t}`;
        await col.insertOne({ _id: id, s: 'P', n: 0 });
        const wins = (await Promise.all(Array.from({ length: writers }, (_, i) => op(id, i)))).reduce((a, b) => a + b, 0);
        if (wins !== 1) broken += 1;
      }
      report[name] = { trials, trials_with_other_than_one_winner: broken };
    }
    let lost = 0;
    for (let t = 0; t < trials; t += 1) {
      const id = `inc-${t}`;
      await col.insertOne({ _id: id, n: 0 });
      await Promise.all(Array.from({ length: writers }, () => col.updateOne({ _id: id }, { $inc: { n: 1 } })));
      if ((await col.findOne({ _id: id })).n !== writers) lost += 1;
    }
    report.inc = { trials, trials_with_lost_increments: lost };
  } finally {
    await db.dropDatabase().catch(() => {});
    await client.close();
  }
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.argv[2] ?? process.env.PAYMENTS_MONGODB_URL;
  if (!url) {
    process.stderr.write('usage: node scripts/probe-atomicity.js <mongodb-url>\n');
    process.exit(2);
  }
  console.log(JSON.stringify(await probeAtomicity(url), null, 2));
}
