import net from "node:net";

/*
 * A TCP forwarder between a client and a server that passes bytes both ways untouched and that a test can break the
 * way networks break: cut (`off`: connections refused, as with no signal) or silent (`freeze`: connections held,
 * nothing answered, as a network that drops packets or a server too busy to answer). The offline e2e tests put one
 * between the browser and the app (tests/e2e/support/offline-network.ts); the readiness probe's test one between
 * the app and PostgreSQL.
 */

export type TcpLink = {
  /** The port the link listens on, the same after `off` and `on`. */
  port: number;
  /** Bytes the client side has sent through the link. */
  bytesSent(): number;
  /** Stops listening and destroys every open connection, so the next connection is refused. */
  off(): Promise<void>;
  /** Listens again on the same port. */
  on(): Promise<void>;
  /** Holds every open connection's bytes and every new connection, refusing nothing. */
  freeze(): void;
  /** Lets what `freeze` held through. */
  thaw(): void;
  close(): Promise<void>;
};

// Below Linux's ephemeral range (32768 and up), so while the link is off no outgoing connection borrows its port.
const FIRST_PORT = 20_000;
const PORT_CHOICES = 12_000;

/** A link on `host` to whatever `connectUpstream` opens (a TCP port, or a server's Unix socket). */
export async function startTcpLink(connectUpstream: () => net.Socket, host = "127.0.0.1"): Promise<TcpLink> {
  const sockets = new Set<net.Socket>();
  const held: net.Socket[] = [];
  let frozen = false;
  let bytesSent = 0;
  const join = (client: net.Socket) => {
    const upstream = connectUpstream();
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => (bytesSent += chunk.length));
    client.pipe(upstream).pipe(client);
  };
  const server = net.createServer((client) => (frozen ? held.push(client) : join(client)));
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  let port = 0;
  while (port === 0) {
    const candidate = FIRST_PORT + Math.floor(Math.random() * PORT_CHOICES);
    port = await listen(candidate).then(
      () => candidate,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "EADDRINUSE") return 0;
        throw error;
      },
    );
  }
  let listening = true;
  const off = async () => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of [...sockets, ...held.splice(0)]) socket.destroy();
    await closed;
  };
  return {
    port,
    bytesSent: () => bytesSent,
    off,
    async on() {
      if (listening) return;
      await listen(port);
      listening = true;
    },
    freeze() {
      frozen = true;
      for (const socket of sockets) socket.pause();
    },
    thaw() {
      frozen = false;
      for (const socket of sockets) socket.resume();
      held.splice(0).forEach(join);
    },
    close: off,
  };
}
