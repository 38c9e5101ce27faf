import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { socketDirFor } from "@/lib/db/embedded-postgres";

async function serverAddress(connectionString: string): Promise<string | null> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<{ address: string | null }>("SELECT inet_server_addr()::text AS address")).rows[0]!.address;
  } finally {
    await client.end();
  }
}

describe("the embedded server's connections", () => {
  it("go through its Unix socket, and loopback TCP still answers for tools given only a host and port", async () => {
    const url = new URL(inject("adminDatabaseUrl"));
    expect(url.searchParams.get("host")).toMatch(/\/cluster$/);
    // inet_server_addr() is NULL on a Unix-socket connection.
    expect(await serverAddress(url.toString())).toBeNull();
    url.searchParams.delete("host");
    expect(await serverAddress(url.toString())).toBe("127.0.0.1/32");
  });

  it("fall back to loopback TCP when the cluster folder cannot hold a socket", () => {
    expect(socketDirFor("/srv/app/.data/postgres/cluster")).toBe("/srv/app/.data/postgres/cluster");
    // sockaddr_un holds 107 bytes of path: the folder, "/.s.PGSQL." and the port.
    expect(socketDirFor(`/${"a".repeat(92)}`)).toBeNull();
    expect(socketDirFor(`/${"a".repeat(91)}`)).not.toBeNull();
    // unix_socket_directories is a comma-separated list; a comma or a space would split or garble the folder.
    expect(socketDirFor("/home/me/my app/cluster")).toBeNull();
    expect(socketDirFor("/srv/a,b/cluster")).toBeNull();
  });
});
