// Runs the official @trpc/client HTTP links (unmodified, no transformer) against a running RealtimeApp:
// the design's splitLink client (httpBatchLink + wsLink), httpLink, httpBatchStreamLink and httpSubscriptionLink (SSE).
// Env: TRPC_HTTP_URL (http://127.0.0.1:PORT/api/trpc), TRPC_URL (ws://127.0.0.1:PORT/api/ws), TRPC_TOKEN, TRPC_BAD_TOKEN.
// Prints `PASS name` / `FAIL name: details` per check, then `N passed, N failed`; exit code 1 on any failure.
// The SSE resume check prints READY-FOR-RESTART (the E2E test stops the app gracefully and starts it again on the
// same port and database); the subscription must reconnect and resume by itself.
import {
  createTRPCClient, createWSClient, httpBatchLink, httpBatchStreamLink, httpLink, httpSubscriptionLink, splitLink, wsLink,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import WebSocket from 'ws';
import { assert, check, deadline, expectError, finish, waitFor, withTimeout } from './harness.mjs';

const RESTART_MS = 30_000;
deadline(150_000);
const { TRPC_HTTP_URL: httpUrl, TRPC_URL: wsUrl, TRPC_TOKEN: token, TRPC_BAD_TOKEN: badToken } = process.env;
if (!httpUrl || !wsUrl || !token || !badToken) {
  console.error('TRPC_HTTP_URL, TRPC_URL, TRPC_TOKEN and TRPC_BAD_TOKEN are required');
  process.exit(2);
}

const run = `${process.pid}-${Date.now()}`;
const headers = { authorization: `Bearer ${token}` };
const requests = [];
/** fetch, counting the requests each link makes. */
const countingFetch = (input, init) => {
  requests.push(`${init?.method ?? 'GET'} ${String(input).replace(httpUrl, '')}`);
  return fetch(input, init);
};
const over = (link) => createTRPCClient({ links: [link] });
const sse = (credential = token) => over(httpSubscriptionLink({ url: httpUrl, connectionParams: { token: credential }, EventSource }));
const post = (client, text) => withTimeout(client.chat.send.mutate({ roomId: 'general', text: `${text} ${run}` }), 'chat.send');

/** Follows chat.onMessage over SSE and records what arrives. */
function follow(client) {
  const sub = { started: 0, events: [], errors: [], completed: false };  // onStarted: once, at the first connection
  sub.handle = client.chat.onMessage.subscribe({ roomId: 'general' }, {
    onStarted: () => { sub.started++; },
    onData: (event) => sub.events.push(event),
    onError: (error) => sub.errors.push(error),
    onComplete: () => { sub.completed = true; },
  });
  return sub;
}

await check("the design's splitLink client: queries batched over HTTP, the subscription over the WebSocket", async () => {
  const wsClient = createWSClient({ url: wsUrl, connectionParams: { token }, WebSocket });
  const client = createTRPCClient({
    links: [splitLink({
      condition: (op) => op.type === 'subscription',
      true: wsLink({ client: wsClient }),
      false: httpBatchLink({ url: httpUrl, headers, fetch: countingFetch }),
    })],
  });
  try {
    const received = [];
    let started = false;
    const sub = client.chat.onMessage.subscribe({ roomId: 'general' }, { onStarted: () => { started = true; }, onData: (e) => received.push(e) });
    await waitFor(() => started, 'the WebSocket subscription to start');
    requests.length = 0;
    const [rooms, history] = await withTimeout(Promise.all([client.rooms.list.query(), client.chat.history.query({ roomId: 'general', limit: 5 })]), 'two queries');
    assert(requests.length === 1 && requests[0].startsWith('GET /rooms.list,chat.history?batch=1'), `not one batched GET: ${requests}`);
    assert(rooms.some((room) => room.id === 'general') && Array.isArray(history), `unexpected answers ${JSON.stringify([rooms, history])}`);
    const sent = await post(client, 'split link');
    assert(requests.length === 2 && requests[1] === 'POST /chat.send?batch=1', `the mutation was not one batched POST: ${requests}`);
    await waitFor(() => received.some((e) => e.data.sequence === sent.sequence), 'the WebSocket subscriber to get what HTTP posted');
    sub.unsubscribe();
  } finally {
    await wsClient.close();
  }
});

await check('httpLink: one call per request, void and errors', async () => {
  const client = over(httpLink({ url: httpUrl, headers }));
  const rooms = await withTimeout(client.rooms.list.query(), 'rooms.list');
  assert(rooms.some((room) => room.id === 'general'), `no general in ${JSON.stringify(rooms)}`);
  const sent = await post(client, 'http link');
  assert(sent.roomId === 'general' && sent.sequence > 0, `unexpected message ${JSON.stringify(sent)}`);
  await expectError(client.chat.history.query({ roomId: 'no-such-room' }), 'NOT_FOUND');
  await expectError(client.nope.nothing.query(), 'NOT_FOUND');
  await expectError(client.chat.send.mutate({ roomId: 'general', text: '' }), 'BAD_REQUEST');
});

await check('httpBatchStreamLink: every call of a streamed batch resolves or rejects on its own', async () => {
  const client = over(httpBatchStreamLink({ url: httpUrl, headers }));
  const [rooms, history, missing] = await withTimeout(Promise.allSettled([
    client.rooms.list.query(), client.chat.history.query({ roomId: 'general', limit: 2 }), client.chat.history.query({ roomId: 'no-such-room' }),
  ]), 'a streamed batch');
  assert(rooms.status === 'fulfilled' && rooms.value.some((room) => room.id === 'general'), `rooms: ${JSON.stringify(rooms)}`);
  assert(history.status === 'fulfilled' && Array.isArray(history.value), `history: ${JSON.stringify(history)}`);
  assert(missing.status === 'rejected' && missing.reason?.data?.code === 'NOT_FOUND', `missing room: ${missing.reason?.data?.code}`);
  const sent = await post(client, 'streamed');
  assert(sent.sequence > 0, `unexpected message ${JSON.stringify(sent)}`);
});

await check('refusals are TRPCClientErrors with data.code', async () => {
  await expectError(over(httpBatchLink({ url: httpUrl, headers: { authorization: `Bearer ${badToken}` } })).rooms.list.query(), 'UNAUTHORIZED');
  await expectError(over(httpLink({ url: httpUrl })).rooms.list.query(), 'UNAUTHORIZED');
  const sub = follow(sse(badToken));
  await waitFor(() => sub.errors.length, 'the SSE refusal');
  assert(sub.errors[0].data?.code === 'UNAUTHORIZED', `SSE refusal code ${sub.errors[0].data?.code}`);
  sub.handle.unsubscribe();
});

await check('httpSubscriptionLink follows a room, resumes across a server restart with nothing lost or doubled, and stops on unsubscribe', async () => {
  const poster = over(httpLink({ url: httpUrl, headers }));
  const sub = follow(sse());
  await waitFor(() => sub.started === 1 || sub.errors.length, 'the SSE subscription to start');
  assert(!sub.errors.length, `error: ${sub.errors[0]}`);
  const first = await post(poster, 'before restart');
  await waitFor(() => sub.events.some((e) => e.data.sequence === first.sequence), 'the live message');

  console.log('READY-FOR-RESTART');
  // Post as soon as the new server answers: these land while the subscriber is still reconnecting, and must be replayed.
  const during = await retry(() => post(poster, 'after restart 1'), RESTART_MS);
  await post(poster, 'after restart 2');
  const last = await post(poster, 'after restart 3');
  await waitFor(() => sub.events.some((e) => e.data.sequence === last.sequence), 'the subscriber to resume and catch up', RESTART_MS);

  const seen = sub.events.map((e) => e.data.sequence).filter((s) => s >= first.sequence);
  const expected = Array.from({ length: last.sequence - first.sequence + 1 }, (_, i) => first.sequence + i);
  assert(JSON.stringify(seen) === JSON.stringify(expected), `expected ${expected}, got ${seen} (a gap or a duplicate)`);
  assert(sub.events.every((e) => e.id === String(e.data.sequence)), 'an event id is not its sequence');
  assert(during.sequence === first.sequence + 1, `a message was lost around the restart: ${during.sequence} after ${first.sequence}`);
  assert(!sub.completed, 'the subscription completed: a server close must not send return');

  // The E2E test checks that the server ended the stream (nothing left in its registry) once the script is done.
  sub.handle.unsubscribe();
  assert(!sub.errors.length, `subscription error: ${sub.errors[0]}`);
}, RESTART_MS * 2);

/** Calls `fn` until it succeeds (the server is restarting), for at most `ms`. */
async function retry(fn, ms) {
  const started = Date.now();
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() - started > ms) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

finish();
