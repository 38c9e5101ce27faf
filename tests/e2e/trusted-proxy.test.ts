import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { callAction, Client, openDb, ROOT, serverAction, testIp } from "./support/attacker";
import { uniqueEmail } from "./support/browser";

/**
 * TRUSTED_PROXY_HOPS decides whose word the server takes for the client's address and host. The shared e2e
 * server trusts one hop (the test clients play the proxy); this file starts a second scripts/serve.mjs on the
 * same build and database with the default, 0, and shows that X-Forwarded-* from a client count for nothing.
 */

const db = openDb();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const port = await freePort();
const direct = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: inject("databaseUrl"),
  NEXTAUTH_SECRET: inject("nextAuthSecret"),
  NEXTAUTH_URL: direct,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  HOST: "127.0.0.1",
};
delete env.TRUSTED_PROXY_HOPS;
const app = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs")], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
afterAll(async () => {
  const exited = new Promise((resolve) => app.once("exit", resolve));
  app.kill("SIGTERM");
  await exited;
});
for (let attempt = 0; ; attempt++) {
  const up = await fetch(`${direct}/api/health`).then(
    () => true,
    () => false,
  );
  if (up) break;
  if (attempt > 240 || app.exitCode !== null) throw new Error("the second server did not start");
  await new Promise((resolve) => setTimeout(resolve, 250));
}

/** Calls a server action on the directly reached server, as a browser there would (or with extra headers). */
async function directAction(name: string, args: unknown[], headers: Record<string, string> = {}) {
  const action = serverAction(name);
  const response = await fetch(new URL(action.page, direct), {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: direct, ...headers },
    body: JSON.stringify(args),
  });
  return { status: response.status, body: await response.text() };
}

const signUpCount = async (ip: string) => (await db.rateLimit.findUnique({ where: { key: `signup:ip:${ip}` } }))?.count ?? 0;

describe("with the default TRUSTED_PROXY_HOPS=0", () => {
  it("a sign-up counts against the socket address, whatever X-Forwarded-For and X-Real-IP claim", async () => {
    const before = await signUpCount("127.0.0.1");
    const claimed = ["203.0.113.77", "198.51.100.77", "192.0.2.77"];
    const { status, body } = await directAction(
      "signUpAction",
      [{ name: "Direct", email: uniqueEmail("direct"), password: "revision on the bus 42", role: "STUDENT" }],
      {
        "x-forwarded-for": `${claimed[0]}, ${claimed[1]}`,
        "x-real-ip": claimed[2]!,
      },
    );
    expect(status).toBe(200);
    expect(body).toContain('"ok":true');
    expect(await signUpCount("127.0.0.1")).toBe(before + 1);
    for (const ip of claimed) expect(await signUpCount(ip)).toBe(0);
  });

  it("a server action with another site's Origin is refused even when X-Forwarded-Host agrees with it", async () => {
    const { status } = await directAction("createDeckAction", [{ name: "Forged host" }], {
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
    });
    expect(status).toBe(403);
  });
});

describe("with TRUSTED_PROXY_HOPS=1 (the shared e2e server)", () => {
  it("the address the proxy appended counts, and the proxy's X-Forwarded-Host is believed by the Origin check", async () => {
    const client = new Client(testIp());
    const { result } = await callAction(client, serverAction("signUpAction"), [
      { name: "Proxied", email: uniqueEmail("proxied"), password: "revision on the bus 42", role: "STUDENT" },
    ]);
    expect(result).toMatchObject({ ok: true });
    expect(await signUpCount(client.ip)).toBe(1);

    const action = serverAction("createDeckAction");
    const response = await client.fetch(action.page, {
      method: "POST",
      headers: {
        "next-action": action.id,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: "https://recall.example.org",
        "x-forwarded-host": "recall.example.org",
      },
      body: JSON.stringify([{ name: "Through the proxy" }]),
    });
    // Past the Origin screen; refused only for want of a session.
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"code":"unauthenticated"');
  });
});
