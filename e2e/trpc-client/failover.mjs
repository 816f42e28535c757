// The official @trpc/client following a room on node A of two, with node B as its fallback: when A's connection closes
// (the E2E test kills A with SIGKILL), its next connection goes to B and its tracked subscription resumes there with
// the last event id A gave it. Env: NODE_A and NODE_B (ws://127.0.0.1:PORT/api/ws), TRPC_TOKEN, ROOM_ID, END_TEXT.
// Prints OPEN <url> per connection, STARTED once subscribed, EVENT <id> <sequence> <text> per message, and DONE when
// the message whose text is END_TEXT arrived; exit code 1 on an error or after 120 s.
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import { deadline } from './harness.mjs';

const { NODE_A: nodeA, NODE_B: nodeB, TRPC_TOKEN: token, ROOM_ID: roomId, END_TEXT: endText } = process.env;
if (!nodeA || !nodeB || !token || !roomId || !endText) {
  console.error('NODE_A, NODE_B, TRPC_TOKEN, ROOM_ID and END_TEXT are required');
  process.exit(2);
}

deadline(120_000);

let failedOver = false;
let current = nodeA;
const wsClient = createWSClient({
  url: () => (current = failedOver ? nodeB : nodeA),
  connectionParams: { token },
  WebSocket,
  retryDelayMs: () => 200,
  onOpen: () => console.log(`OPEN ${current}`),
  onClose: () => { failedOver = true; },
});
const client = createTRPCClient({ links: [wsLink({ client: wsClient })] });

let started = false;
client.chat.onMessage.subscribe({ roomId }, {
  onStarted: () => {
    if (!started) console.log('STARTED');
    started = true;
  },
  onData: (event) => {
    console.log(`EVENT ${event.id} ${event.data.sequence} ${event.data.text}`);
    if (event.data.text === endText) {
      console.log('DONE');
      wsClient.close();
      process.exit(0);
    }
  },
  onError: (error) => {
    console.log(`ERROR ${error.message}`);
    process.exit(1);
  },
});
