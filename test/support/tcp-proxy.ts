import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of a server, to make it look slow or dead to a client: `stall` stops
 * passing bytes (every answer is late), `kill` breaks every connection and refuses new ones.
 */
export interface TcpProxy {
  port: number;
  stall(): void;
  resume(): void;
  kill(): Promise<void>;
}

/** `port`: listen there (a proxy killed comes back on its port); none: any free port. */
export async function startTcpProxy(
  target: { host: string; port: number },
  options: { port?: number } = {},
): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let stalled = false;
  const pairs: [net.Socket, net.Socket][] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream);
    upstream.pipe(client);
    pairs.push([client, upstream]);
    if (stalled) upstream.pause();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stall: () => {
      stalled = true;
      for (const [, upstream] of pairs) upstream.pause();
    },
    resume: () => {
      stalled = false;
      for (const [, upstream] of pairs) upstream.resume();
    },
    kill: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
