// Runs the official @trpc/client (unmodified, no transformer) against a running RealtimeApp.
// Env: TRPC_URL (ws://127.0.0.1:PORT/api/ws), TRPC_TOKEN, TRPC_BAD_TOKEN.
// Prints `PASS name` / `FAIL name: details` per check, then `N passed, N failed`; exit code 1 on any failure.
// The resume checks print READY-FOR-DROP (the E2E test then closes every API connection) and READY-FOR-RESTART
// (the E2E test stops the app gracefully and starts it again on the same port and database); the official
// client then reconnects on its own and resumes its tracked subscription.
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import { STEP_MS, assert, check, deadline, errorCode, expectError, finish, waitFor, withTimeout } from './harness.mjs';

// A restart waits for the app to stop and start again and for the client's reconnect backoff.
const RESTART_MS = 30_000;
const TOTAL_MS = 150_000;
const { TRPC_URL: url, TRPC_TOKEN: token, TRPC_BAD_TOKEN: badToken } = process.env;
if (!url || !token || !badToken) {
  console.error('TRPC_URL, TRPC_TOKEN and TRPC_BAD_TOKEN are required');
  process.exit(2);
}

deadline(TOTAL_MS);

const wsClients = [];
function connect(options = {}) {
  const wsClient = createWSClient({ url, connectionParams: { token }, WebSocket, ...options });
  wsClients.push(wsClient);
  return { wsClient, client: createTRPCClient({ links: [wsLink({ client: wsClient })] }) };
}

/** Subscribes to chat.onMessage and records what arrives. */
function follow(client, roomId = 'general') {
  const sub = { started: false, events: [], errors: [], order: [] };
  sub.handle = client.chat.onMessage.subscribe({ roomId }, {
    onStarted: () => { sub.started = true; sub.order.push('started'); },
    onData: (event) => { sub.events.push(event); sub.order.push('data'); },
    onError: (error) => sub.errors.push(error),
  });
  return sub;
}

const run = `${process.pid}-${Date.now()}`;
const main = connect();
const { client } = main;

await check('query rooms.list', async () => {
  const rooms = await withTimeout(client.rooms.list.query(), 'rooms.list');
  assert(Array.isArray(rooms), `not an array: ${JSON.stringify(rooms)}`);
  assert(rooms.some((room) => room.id === 'general'), `no 'general' in ${JSON.stringify(rooms.map((r) => r.id))}`);
});

await check('mutation chat.send', async () => {
  const text = `compat send ${run}`;
  const message = await withTimeout(client.chat.send.mutate({ roomId: 'general', text }), 'chat.send');
  assert(message.text === text && message.roomId === 'general', `unexpected message ${JSON.stringify(message)}`);
  assert(Number.isInteger(message.sequence) && message.sequence > 0, `sequence is not a positive integer: ${message.sequence}`);
});

await check('subscription chat.onMessage (tracked)', async () => {
  const sub = follow(client);
  try {
    await waitFor(() => sub.started || sub.errors.length, 'onStarted');
    assert(!sub.errors.length, `error before start: ${sub.errors[0]}`);
    const sent = await withTimeout(client.chat.send.mutate({ roomId: 'general', text: `compat live ${run}` }), 'chat.send');
    const event = await waitFor(() => sub.events.find((e) => e?.data?.sequence === sent.sequence), `event ${sent.sequence}`);
    assert(event.id === String(sent.sequence), `event id ${JSON.stringify(event.id)} is not "${sent.sequence}"`);
    assert(event.data.text === sent.text && event.data.id === sent.id, `unexpected data ${JSON.stringify(event.data)}`);
    assert(sub.order[0] === 'started', `onData before onStarted: ${sub.order}`);
  } finally {
    sub.handle.unsubscribe();
  }
});

await check('unsubscribe stops delivery', async () => {
  const stopped = follow(client);
  const witness = follow(client);
  await waitFor(() => (stopped.started && witness.started) || stopped.errors.length || witness.errors.length, 'both started');
  stopped.handle.unsubscribe();
  const sent = await withTimeout(client.chat.send.mutate({ roomId: 'general', text: `compat after stop ${run}` }), 'chat.send');
  // The witness is on the same socket, after the stop: once it has the message, the stopped one would have had it too.
  await waitFor(() => witness.events.some((e) => e.data.sequence === sent.sequence), 'the witness to get the message');
  witness.handle.unsubscribe();
  assert(!stopped.events.some((e) => e.data.sequence === sent.sequence), 'the unsubscribed subscription still got the message');
  assert(!stopped.errors.length && !witness.errors.length, `errors: ${[...stopped.errors, ...witness.errors]}`);
});

await check('error NOT_FOUND for an unknown path', async () => {
  const error = await expectError(client.nope.nothing.query(), 'NOT_FOUND');
  assert(error.data.httpStatus === 404, `httpStatus ${error.data.httpStatus}`);
});

await check('error BAD_REQUEST for chat.send with empty text', async () => {
  await expectError(client.chat.send.mutate({ roomId: 'general', text: '' }), 'BAD_REQUEST');
});

await check('connectionParams with a bad token are refused', async () => {
  let rejected;
  const refusal = new Promise((resolve) => { rejected = resolve; });
  const bad = createWSClient({
    url,
    connectionParams: { token: badToken },
    WebSocket,
    onError: (event) => rejected({ via: 'onError', event }),
  });
  wsClients.push(bad);
  const badClient = createTRPCClient({ links: [wsLink({ client: bad })] });
  const query = badClient.rooms.list.query().then(
    (rooms) => ({ via: 'query', rooms }),
    (error) => ({ via: 'query', error }),
  );
  const state = bad.connectionState.subscribe({
    next: (s) => { if (s.error) rejected({ via: 'connectionState', error: s.error }); },
  });
  try {
    const first = await withTimeout(Promise.race([query, refusal]), 'the refusal');
    assert(!first.rooms, `the query succeeded with a bad token: ${JSON.stringify(first.rooms)}`);
    if (first.via === 'query') {
      assert(errorCode(first.error) === 'UNAUTHORIZED', `expected UNAUTHORIZED, got ${errorCode(first.error)} (${first.error?.message})`);
    }
  } finally {
    state.unsubscribe();
    await bad.close(); // the official client would otherwise retry with backoff
  }
});

/**
 * Subscribes (tracked), prints `signal` so the E2E test interrupts the server (drop every connection, or stop and
 * restart the whole app), posts three messages once the server is back and then lets the resuming client reconnect:
 * its resubscription carries lastEventId, so the gap must be replayed from the database, then live messages follow.
 */
async function resumeAcross(signal, ms) {
  // The resuming client's connectionParams wait on reconnect until the gap messages are posted, so the
  // new subscription (sent with params.lastEventId) must replay them from the database.
  let gapPosted = () => {};
  const gap = new Promise((resolve) => { gapPosted = resolve; });
  let opens = 0;
  const resuming = connect({
    connectionParams: async () => {
      if (++opens > 1) await gap;
      return { token };
    },
  });
  // Each client's active socket is lost (not merely a replacement attempt failing while the old socket still serves).
  // The poster must have noticed too: a mutation written to a socket that is already closing fails, by design.
  const lost = { resuming: 0, poster: 0 };
  const watch = (client, name) => client.wsClient.connectionState.subscribe({
    next: (s) => { if (s.state === 'connecting' && s.error) lost[name]++; },
  });
  const poster = connect();
  const states = [watch(resuming, 'resuming'), watch(poster, 'poster')];
  const send = (text) => withTimeout(poster.client.chat.send.mutate({ roomId: 'general', text: `${text} ${run}` }), 'chat.send', ms);
  try {
    const sub = follow(resuming.client);
    await waitFor(() => sub.started || sub.errors.length, 'onStarted');
    const before = await send(`compat before ${signal}`);
    await waitFor(() => sub.events.some((e) => e.data.sequence === before.sequence), `event ${before.sequence}`);

    console.log(signal);
    await waitFor(() => lost.resuming > 0 && lost.poster > 0, `the server to close both connections (${signal})`, ms);
    const posted = [];
    try {
      // The poster's client queues these until it has reconnected to the (restarted) server.
      for (let i = 1; i <= 3; i++) posted.push(await send(`compat gap ${i}`));
    } finally {
      gapPosted();
    }
    const last = posted[posted.length - 1].sequence;
    await waitFor(() => sub.events.some((e) => e.data.sequence === last), `event ${last} after the reconnect`, ms);
    const after = await send('compat after resume');
    await waitFor(() => sub.events.some((e) => e.data.sequence === after.sequence), `live event ${after.sequence}`);
    sub.handle.unsubscribe();

    const seen = sub.events.map((e) => e.data.sequence).filter((s) => s >= before.sequence);
    const expected = [];
    for (let s = before.sequence; s <= after.sequence; s++) expected.push(s);
    assert(JSON.stringify(seen) === JSON.stringify(expected), `expected ${expected}, got ${seen} (a gap or a duplicate)`);
    assert(sub.events.every((e) => e.id === String(e.data.sequence)), 'an event id is not its sequence');
    assert(opens >= 2, `the client did not reconnect (opens: ${opens})`);
    assert(!sub.errors.length, `subscription error: ${sub.errors[0]}`);
  } finally {
    gapPosted();
    states.forEach((state) => state.unsubscribe());
    await Promise.allSettled([resuming.wsClient.close(), poster.wsClient.close()]);
  }
}

await check('tracked resume after the server drops the connection (client reconnect)', () => resumeAcross('READY-FOR-DROP', STEP_MS));

await check('tracked resume after the server restarts (client reconnect)', () => resumeAcross('READY-FOR-RESTART', RESTART_MS), RESTART_MS * 2);

await Promise.allSettled(wsClients.map((c) => withTimeout(c.close(), 'close', 5_000)));
finish();
