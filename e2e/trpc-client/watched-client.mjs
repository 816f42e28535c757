// The official @trpc/client over one wsLink, with its connection state kept at hand: `state` is the client's own
// ('idle', 'connecting', 'pending' = open) and `lost` counts the connections it lost (each 'connecting' with an error).
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import WebSocket from 'ws';

/** Options go to createWSClient as they are (retryDelayMs, for instance). */
export function watchedClient(url, token, options = {}) {
  const wsClient = createWSClient({ url, connectionParams: { token }, WebSocket, ...options });
  const connection = { wsClient, client: createTRPCClient({ links: [wsLink({ client: wsClient })] }), state: 'idle', lost: 0 };
  wsClient.connectionState.subscribe({
    next: (s) => {
      connection.state = s.state;
      if (s.state === 'connecting' && s.error) connection.lost++;
    },
  });
  return connection;
}
