// Runs the official @trpc/client (unmodified) against a running RealtimeApp: a chat.send whose connection drops is
// sent again, with the same clientId, once the client has reconnected, and is stored and delivered exactly once.
// Env: TRPC_URL (ws://127.0.0.1:PORT/api/ws), TRPC_TOKEN.
// Prints DROP-WHEN-STORED (the E2E test holds the send's answer until it is committed, closes every API connection,
// then lets the answer go to the closed socket) and READY-FOR-DROP (the test closes every API connection at once),
// `PASS name` / `FAIL name: details` per check, then `N passed, N failed`; exit code 1 on any failure.
import { TRPCClientError } from '@trpc/client';
import { STEP_MS, assert, check, deadline, finish, waitFor, withTimeout } from './harness.mjs';
import { watchedClient } from './watched-client.mjs';

const { TRPC_URL: url, TRPC_TOKEN: token } = process.env;
if (!url || !token) {
  console.error('TRPC_URL and TRPC_TOKEN are required');
  process.exit(2);
}

deadline(120_000);

const run = `${process.pid}-${Date.now()}`;
const connections = [];
function connect() {
  const connection = watchedClient(url, token);
  connections.push(connection);
  return connection;
}

const follower = connect();
const sender = connect();
const sub = { started: false, events: [], errors: [] };
follower.client.chat.onMessage.subscribe({ roomId: 'general' }, {
  onStarted: () => { sub.started = true; },
  onData: (event) => sub.events.push(event),
  onError: (error) => sub.errors.push(error),
});
await waitFor(() => sub.started || sub.errors.length, 'the follower to start');
// Once it has an event id, the follower resumes from it after a drop (without one it would only get what follows).
const warmUp = await withTimeout(sender.client.chat.send.mutate({ roomId: 'general', text: `warm-up ${run}` }), 'chat.send');
await waitFor(() => sub.events.some((e) => e.data.sequence === warmUp.sequence), 'the follower to get the first message');

/** What a careful client does: send again with the same input (same clientId) until an answer comes back. */
async function sendUntilAnswered(input) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout(sender.client.chat.send.mutate(input), 'chat.send');
    } catch (error) {
      const lostConnection = error instanceof TRPCClientError && !error.data?.code;
      if (!lostConnection || attempt === 5) throw error;
      await waitFor(() => sender.state === 'pending', 'the sender to reconnect');
    }
  }
}

/**
 * Sends with a clientId, prints `signal` so the E2E test drops the connections, sends the same input again once
 * the client has reconnected, and checks that the follower saw the message once, with the answer's id and sequence.
 */
async function resendAcrossDrop(signal, prefix, answerLost) {
  const input = { roomId: 'general', text: `resend ${prefix}${run}`, clientId: `${prefix}${run}` };
  const lostBefore = sender.lost;
  const first = sender.client.chat.send.mutate(input).then((message) => ({ message }), (error) => ({ error }));
  console.log(signal);
  await waitFor(() => sender.lost > lostBefore, `the server to close the sender's connection (${signal})`);
  const outcome = await withTimeout(first, 'the first attempt to settle');
  if (answerLost) assert(outcome.error, `the first attempt was answered: ${JSON.stringify(outcome.message)}`);

  const stored = await sendUntilAnswered(input);
  const sentinel = await sendUntilAnswered({ roomId: 'general', text: `after ${prefix}${run}` });
  await waitFor(() => sub.events.some((e) => e.data.sequence === sentinel.sequence), `the follower to get ${sentinel.sequence}`, STEP_MS * 2);

  assert(stored.clientId === input.clientId && stored.text === input.text, `unexpected answer ${JSON.stringify(stored)}`);
  if (outcome.message) assert(outcome.message.id === stored.id && outcome.message.postedAt === stored.postedAt, 'the resend got another message');
  const echoes = sub.events.filter((e) => e.data.clientId === input.clientId);
  assert(echoes.length === 1, `the follower saw the message ${echoes.length} times`);
  assert(echoes[0].data.id === stored.id && echoes[0].data.sequence === stored.sequence, `echo ${JSON.stringify(echoes[0].data)} is not the answer`);
  assert(sentinel.sequence === stored.sequence + 1, `a sequence was skipped: ${stored.sequence} then ${sentinel.sequence}`);
  const sequences = sub.events.map((e) => e.data.sequence);
  assert(sequences.every((s, i) => i === 0 || s === sequences[i - 1] + 1), `gap or duplicate: ${sequences}`);
  assert(!sub.errors.length, `follower error: ${sub.errors[0]}`);
}

await check('a send stored while its answer was lost, sent again after the reconnect, is one message',
  () => resendAcrossDrop('DROP-WHEN-STORED', 'held-', true), STEP_MS * 4);

await check('a send cut off by a dropped connection, sent again after the reconnect, is one message',
  () => resendAcrossDrop('READY-FOR-DROP', 'cut-', false), STEP_MS * 4);

await Promise.allSettled(connections.map((c) => withTimeout(c.wsClient.close(), 'close', 5_000)));
finish();
