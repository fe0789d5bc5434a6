// Store commands per request, counted with the driver's command monitoring
// (monitorCommands: true, `commandStarted` events). Machine-independent, so a test can
// hold the service to a budget: a change that adds a command to a charge fails here.
// Every command must also address documents by _id only (equality or $in): on FerretDB
// any other filter reads the whole collection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSimulatedProcessor } from '../../src/processor.js';
import { PANS, cardBody, startTestServer, uniqueKey, uniqueOrderId } from './harness.js';

// The budgets recorded in docs/performance.md ("Payments service"). Before this design a
// charge on a new order sent 9 commands (6 of them writes). Every request but the charge
// begins with the replay-cache insert; the charge folds it into its first insert.
export const BUDGETS = Object.freeze({
  chargeNewOrder: 2, // [signature, key, slot 0, payment] insert; outcome insert
  chargeAfterDecline: 5, // + read the chain and its latest outcome, insert [slot n, payment]
  replaySameKey: 3, // insert stops at the key; read the key; read payment + outcome
  codNewOrder: 1,
  getPayment: 2, // replay-cache insert; read payment + outcome + refund
  listOrder: 3,
  refund: 4,
});

const DATA_COMMANDS = new Set(['insert', 'find', 'update', 'delete', 'findAndModify', 'aggregate', 'count', 'distinct', 'getMore']);

/** Is this filter answered by the _id index (with the project's FerretDB patch)? */
function byIdOnly(filter) {
  if (!filter || !('_id' in filter)) return false;
  const id = filter._id;
  if (id === null || typeof id !== 'object') return true;
  return Object.keys(id).length === 1 && Array.isArray(id.$in) && id.$in.every((v) => v === null || typeof v !== 'object');
}

function filtersOf(event) {
  const c = event.command;
  if (event.commandName === 'find') return [c.filter];
  if (event.commandName === 'update') return c.updates.map((u) => u.q);
  if (event.commandName === 'delete') return c.deletes.map((d) => d.q);
  return [];
}

/**
 * @param {string} name
 * @param {(onCommand: (event: object) => void) => Promise<object>} makeMonitoredStore a fresh, not initialised store
 */
export function commandBudget(name, makeMonitoredStore) {
  test(`${name}: store commands per request stay within the recorded budget, all by _id`, async (t) => {
    let recording = null;
    const store = await makeMonitoredStore((event) => recording?.push(event));
    const srv = await startTestServer({ store, processor: createSimulatedProcessor() });
    const measure = async (label, send) => {
      recording = [];
      const res = await send();
      const events = recording;
      recording = null;
      const data = events.filter((e) => DATA_COMMANDS.has(e.commandName));
      assert.deepEqual(
        events.filter((e) => !DATA_COMMANDS.has(e.commandName)).map((e) => e.commandName),
        [],
        `${label}: only data commands on the request path`,
      );
      for (const e of data) {
        for (const f of filtersOf(e)) assert.ok(byIdOnly(f), `${label}: ${e.commandName} on ${e.collection} filters by _id only: ${JSON.stringify(f)}`);
        if (e.commandName === 'find') assert.equal(e.command.sort, undefined, `${label}: no sort`);
      }
      const shape = data.map((e) => `${e.commandName} ${e.collection}`);
      t.diagnostic(`${label}: ${data.length} commands: ${shape.join(', ')}`);
      return { res, count: data.length, shape, events: data };
    };
    try {
      // Warm up: the connection pool exists.
      await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(uniqueOrderId()) });

      const orderId = uniqueOrderId();
      const key = uniqueKey();
      const charge = await measure('card charge, new order', () => srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) }));
      assert.equal(charge.res.body.payment_status, 'SUCCEEDED');
      assert.ok(charge.count <= BUDGETS.chargeNewOrder, `a charge sent ${charge.count} commands, budget ${BUDGETS.chargeNewOrder}`);
      assert.deepEqual(charge.shape, ['insert payment_records', 'insert payment_records']);
      assert.deepEqual(
        charge.events[0].command.documents.map((d) => d.kind),
        ['signature', 'idempotency_key', 'order_slot', 'payment'],
        'the first command claims the signature, the key, the slot and records the payment',
      );

      const replay = await measure('same key again (replay)', () => srv.request('POST', '/v1/payments', { key, body: cardBody(orderId) }));
      assert.equal(replay.res.headers.get('idempotent-replayed'), 'true');
      assert.ok(replay.count <= BUDGETS.replaySameKey, `a replay sent ${replay.count}`);

      const declinedOrder = uniqueOrderId();
      await srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(declinedOrder, PANS.declined) });
      const retry = await measure('card charge after a decline', () => srv.request('POST', '/v1/payments', { key: uniqueKey(), body: cardBody(declinedOrder) }));
      assert.equal(retry.res.body.payment_status, 'SUCCEEDED');
      assert.ok(retry.count <= BUDGETS.chargeAfterDecline, `a second attempt sent ${retry.count}`);

      const cod = await measure('COD, new order', () =>
        srv.request('POST', '/v1/payments', { key: uniqueKey(), body: { order_id: uniqueOrderId(), amount: 100, currency: 'INR', payment_mode: 'COD' } }),
      );
      assert.equal(cod.res.body.payment_status, 'PENDING');
      assert.ok(cod.count <= BUDGETS.codNewOrder, `COD sent ${cod.count}`);

      const get = await measure('GET by id', () => srv.request('GET', `/v1/payments/${charge.res.body.payment_id}`));
      assert.equal(get.res.status, 200);
      assert.ok(get.count <= BUDGETS.getPayment, `GET sent ${get.count}`);

      const list = await measure('GET by order', () => srv.request('GET', `/v1/payments?order_id=${declinedOrder}`));
      assert.equal(list.res.body.payments.length, 2);
      assert.ok(list.count <= BUDGETS.listOrder, `list sent ${list.count}`);

      const refund = await measure('refund', () => srv.request('POST', `/v1/payments/${charge.res.body.payment_id}/refunds`, { key: uniqueKey() }));
      assert.equal(refund.res.body.payment_status, 'REFUNDED');
      assert.ok(refund.count <= BUDGETS.refund, `refund sent ${refund.count}`);
    } finally {
      await srv.close();
    }
  });
}
