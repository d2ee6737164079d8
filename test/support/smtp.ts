import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  messageId: string | null;
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** The next `count` messages are cut off in the middle of their DATA, as a restart would. */
  dropNext(count: number): void;
  close(): Promise<void>;
}

/** smtp-server's own fields the test reaches: its open connections' sockets. */
interface Internals {
  connections: Set<{ _socket: { destroy(): void } }>;
}

/** A real SMTP server on a free port that keeps what it accepts (no TLS, no sign-in). */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  let drops = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (drops > 0) {
        drops -= 1;
        // The message begun, then the server is gone: nothing was accepted.
        stream.once('data', () => {
          for (const connection of (server as unknown as Internals).connections)
            connection._socket.destroy();
        });
        stream.on('error', () => undefined);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          messageId: raw.match(/^Message-ID:\s*(.+)$/im)?.[1]?.trim() ?? null,
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    port,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    mails,
    dropNext: (count) => {
      drops = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
