import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { changePassword, createAccount, createGuest } from "@/lib/users/mutations";
import { findCredentials } from "@/lib/users/data";
import { hash } from "@node-rs/argon2";
import { verifyPassword } from "@/lib/auth/password";
import { consumeRateLimit } from "@/lib/auth/rate-limit";

const db = await createTestDb();

describe("accounts", () => {
  it("stores an Argon2id hash, never the password, and refuses a second account with the same email", async () => {
    const created = await createAccount(db, { name: "Ada", email: "ada@example.org", password: "correct horse battery", role: "STUDENT" });
    expect(created.ok).toBe(true);
    const row = await findCredentials(db, "ada@example.org");
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash!, "correct horse battery")).toBe(true);
    const again = await createAccount(db, { name: "Ada 2", email: "ada@example.org", password: "another long one", role: "STUDENT" });
    expect(again).toMatchObject({ ok: false, code: "conflict" });
  });

  it("refuses short and common passwords with a message", async () => {
    const short = await createAccount(db, { name: "B", email: "b@example.org", password: "short", role: "STUDENT" });
    expect(short).toMatchObject({ ok: false, code: "invalid_input" });
    const common = await createAccount(db, { name: "B", email: "b@example.org", password: "password123", role: "STUDENT" });
    expect(common).toMatchObject({ ok: false, message: expect.stringContaining("common") });
    expect(await findCredentials(db, "b@example.org")).toBeNull();
  });

  it("refuses widely leaked passwords, checked offline against the shipped list, and says why", async () => {
    const leaked = [
      "Password1!",
      "qwerty12",
      "aaaaaaaa",
      "Welcome1!",
      "Summer2024",
      "iloveyou1",
      "Passw0rd!",
      "Football1",
      "Qwerty123!",
      "Monkey123",
      "letmein123",
      "Dragon2023",
      "abc12345",
      "trustno1!",
      "Baseball7",
      "sunshine1",
    ];
    for (const [index, password] of leaked.entries()) {
      const refused = await createAccount(db, { name: "L", email: `leaked${index}@example.org`, password, role: "STUDENT" });
      expect(refused, password).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { password: [expect.stringMatching(/common|repeated/)] } });
    }
    expect(await createAccount(db, { name: "U", email: "unlisted@example.org", password: "revision on the bus 42", role: "STUDENT" })).toMatchObject({
      ok: true,
    });
  });

  it("a password set with composed accents signs in typed decomposed, and hashes from before normalisation still work", async () => {
    const created = await createAccount(db, { name: "N", email: "nfc@example.org", password: "Crème brûlée à Bruxelles".normalize("NFC"), role: "STUDENT" });
    expect(created.ok).toBe(true);
    const row = await findCredentials(db, "nfc@example.org");
    expect(await verifyPassword(row!.passwordHash!, "Crème brûlée à Bruxelles".normalize("NFD"))).toBe(true);
    // Argon2 over the characters as typed, the way hashes were made before NFKC: "ﬁ" is one ligature character.
    const legacy = await hash("ﬁnal exam revision", { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(legacy, "ﬁnal exam revision")).toBe(true);
    expect(await verifyPassword(legacy, "final exam revision!")).toBe(false);
  });

  it("accepts passwords longer than 72 bytes and tells them apart past byte 72", async () => {
    const long = "a".repeat(80) + "tail-one";
    await createAccount(db, { name: "L", email: "long@example.org", password: long, role: "STUDENT" });
    const row = await findCredentials(db, "long@example.org");
    expect(await verifyPassword(row!.passwordHash!, long)).toBe(true);
    expect(await verifyPassword(row!.passwordHash!, "a".repeat(80) + "tail-two")).toBe(false);
  });

  it("changing the password bumps the session version so old sessions end", async () => {
    const created = await createAccount(db, { name: "C", email: "c@example.org", password: "first password here", role: "TEACHER" });
    if (!created.ok) throw new Error(created.message);
    const before = await findCredentials(db, "c@example.org");
    const wrong = await changePassword(db, created.data.id, "not it at all", "second password here");
    expect(wrong.ok).toBe(false);
    const changed = await changePassword(db, created.data.id, "first password here", "second password here");
    expect(changed).toEqual({ ok: true, data: { sessionVersion: before!.sessionVersion + 1 } });
  });

  it("turns a guest into a real account keeping the same id", async () => {
    const guest = await createGuest(db);
    const upgraded = await createAccount(db, { name: "Gee", email: "gee@example.org", password: "guest no more 1", role: "STUDENT" }, guest.id);
    expect(upgraded).toMatchObject({ ok: true, data: { id: guest.id } });
  });
});

describe("rate limits", () => {
  it("allows the budget, then refuses with a retry-after until the window passes", async () => {
    const start = new Date("2026-03-01T10:00:00Z");
    for (let i = 0; i < 3; i++) expect((await consumeRateLimit(db, "k", 3, 60_000, start)).allowed).toBe(true);
    const refused = await consumeRateLimit(db, "k", 3, 60_000, new Date(start.getTime() + 20_000));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect((await consumeRateLimit(db, "k", 3, 60_000, new Date(start.getTime() + 61_000))).allowed).toBe(true);
  });
});
