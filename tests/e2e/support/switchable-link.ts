import net from "node:net";

export type SwitchableLink = {
  /** The origin the browser uses: the app seen through this link. */
  url: string;
  off(): Promise<void>;
  on(): Promise<void>;
  close(): Promise<void>;
};

// Below Linux's ephemeral range (32768 and up), so while the link is off no outgoing connection borrows its port.
const FIRST_PORT = 20_000;
const PORT_CHOICES = 12_000;

/**
 * A phone's signal, for the offline tests: a TCP forwarder between the browser and the app that passes bytes
 * both ways untouched (so the app sees the Host and Origin the browser uses, this link's), and that can be cut.
 * `off` stops listening and destroys every open connection, so the next connection is refused as with no signal,
 * whatever emulation a page, a service worker or a tab opened while offline did or did not get. `on` listens again
 * on the same port.
 */
export async function startSwitchableLink(target: string, host = "127.0.0.1"): Promise<SwitchableLink> {
  const app = new URL(target);
  const connections = new Set<net.Socket>();
  const server = net.createServer((browserSide) => {
    const appSide = net.connect(Number(app.port), app.hostname);
    for (const socket of [browserSide, appSide]) {
      connections.add(socket);
      socket.once("close", () => connections.delete(socket));
      socket.on("error", () => {
        browserSide.destroy();
        appSide.destroy();
      });
    }
    browserSide.pipe(appSide).pipe(browserSide);
  });
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
    for (const socket of connections) socket.destroy();
    await closed;
  };
  return {
    url: `http://${host}:${port}`,
    off,
    async on() {
      if (listening) return;
      await listen(port);
      listening = true;
    },
    close: off,
  };
}
