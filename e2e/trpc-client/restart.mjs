// The official @trpc/client (unmodified) across a server restart: a follower keeps a tracked chat.onMessage
// subscription while a poster sends COUNT messages, each with a clientId, sending one again with the same clientId
// until it is answered (the connection lost, or SERVICE_UNAVAILABLE while the server shuts down). The E2E test stops
// the server with SIGTERM after the first ACKs and starts it again on the same port and database; both clients
// reconnect by themselves. Env: TRPC_URL (ws://127.0.0.1:PORT/api/ws), TRPC_TOKEN, ROOM_ID, COUNT.
// Prints `ACK n sequence` per answered post, `PASS name` / `FAIL name: details` per check, `N passed, N failed`.
import { TRPCClientError } from '@trpc/client';
import { STEP_MS, assert, check, deadline, finish, waitFor, withTimeout } from './harness.mjs';
import { watchedClient } from './watched-client.mjs';

const { TRPC_URL: url, TRPC_TOKEN: token, ROOM_ID: roomId, COUNT: countText } = process.env;
const count = Number(countText);
if (!url || !token || !roomId || !count) {
  console.error('TRPC_URL, TRPC_TOKEN, ROOM_ID and COUNT are required');
  process.exit(2);
}

deadline(150_000);

const run = `${process.pid}-${Date.now()}`;
// Reconnects every 200 ms while the server is down, so the restart's gap is short.
const connect = () => watchedClient(url, token, { retryDelayMs: () => 200 });

const follower = connect();
const poster = connect();
const sub = { started: false, events: [], errors: [] };
follower.client.chat.onMessage.subscribe({ roomId }, {
  onStarted: () => { sub.started = true; },
  onData: (event) => sub.events.push(event),
  onError: (error) => sub.errors.push(error),
});
await waitFor(() => sub.started || sub.errors.length, 'the follower to start');

/** Sends until answered: a lost connection or a server shutting down means "send it again, same clientId". */
async function sendUntilAnswered(input) {
  for (;;) {
    try {
      return await withTimeout(poster.client.chat.send.mutate(input), 'chat.send', STEP_MS * 3);
    } catch (error) {
      const retry = error instanceof TRPCClientError && (!error.data?.code || error.data.code === 'SERVICE_UNAVAILABLE');
      if (!retry) throw error;
      await waitFor(() => poster.state === 'pending', 'the poster to reconnect', STEP_MS * 6);
    }
  }
}

const acknowledged = [];
for (let n = 1; n <= count; n++) {
  const message = await sendUntilAnswered({ roomId, text: `post ${n} ${run}`, clientId: `post-${n}-${run}` });
  acknowledged.push(message);
  console.log(`ACK ${n} ${message.sequence}`);
  await new Promise((resolve) => setTimeout(resolve, 20));
}

await check('the follower gets every post, after reconnecting on its own', async () => {
  const last = acknowledged.at(-1).sequence;
  await waitFor(() => sub.events.some((e) => e.data.sequence === last), `the follower to get ${last}`, STEP_MS * 3);
});
await check('the poster reconnected and the follower resumed across the restart', () => {
  assert(poster.lost > 0 && follower.lost > 0, `connections lost: poster ${poster.lost}, follower ${follower.lost}`);
  assert(sub.errors.length === 0, `subscription errors: ${sub.errors.map((e) => e.message).join('; ')}`);
});
await check('each post is stored once and delivered once, in order', () => {
  const sequences = sub.events.map((e) => e.data.sequence);
  const first = sequences[0];
  sequences.forEach((sequence, i) => assert(sequence === first + i, `delivered out of order or twice at ${i}: ${sequences.slice(Math.max(0, i - 3), i + 3)}`));
  for (const message of acknowledged) {
    const echoes = sub.events.filter((e) => e.data.clientId === message.clientId);
    assert(echoes.length === 1, `${message.clientId} was delivered ${echoes.length} times`);
    assert(echoes[0].data.sequence === message.sequence, `${message.clientId}: answered ${message.sequence}, delivered ${echoes[0].data.sequence}`);
  }
  const ours = sub.events.filter((e) => e.data.clientId?.endsWith(run));
  assert(ours.length === count, `${ours.length} of the poster's messages were stored for ${count} posts`);
});

follower.wsClient.close();
poster.wsClient.close();
finish();
