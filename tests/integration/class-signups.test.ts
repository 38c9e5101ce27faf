import { describe, expect, it } from "vitest";
import { createTestDb } from "../support/test-db";
import { makeUser } from "../support/teacher-fixtures";
import { AUTH_LIMITS } from "@/lib/auth/rate-limit";
import { createClass, regenerateJoinCode, setSignUpLimit } from "@/lib/classes/mutations";
import { findClassForSignUp, readClassSignUpActivity } from "@/lib/signups/data";
import { CLASS_SIGN_UPS } from "@/lib/signups/limits";
import { admitAnonymousSignUp, admitClassSignUp, admitGuest, recordClassSignUpFailure, returnClassSignUp } from "@/lib/signups/mutations";

const db = await createTestDb();
const NOW = new Date("2026-03-10T08:55:00Z");
const HOUR = 60 * 60_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

async function classWithLimit(signUpsPerHour: number) {
  const teacher = await makeUser(db, "TEACHER");
  const created = await createClass(db, teacher.id, "Year 12 NATO");
  if (!created.ok) throw new Error(created.message);
  await setSignUpLimit(db, teacher.id, created.data.id, signUpsPerHour);
  const signUpClass = await findClassForSignUp(db, created.data.joinCode);
  return { teacher, classId: created.data.id, signUpClass: signUpClass! };
}

describe("sign-ups through a class's join code", () => {
  it("a class of 40 behind one address: exactly the teacher's limit is admitted even all at once, then 'class is full'", async () => {
    const { teacher, classId, signUpClass } = await classWithLimit(40);
    const school = freshIp();
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 60 }, () => admitClassSignUp(db, signUpClass, school, NOW)));
    const elapsedMs = performance.now() - started;
    expect(results.filter((result) => result.ok)).toHaveLength(40);
    const refused = results.filter((result) => !result.ok);
    expect(refused).toHaveLength(20);
    for (const refusal of refused) {
      expect(refusal).toMatchObject({ code: "rate_limited", message: expect.stringContaining("This class is full") });
      expect(refusal.ok ? "" : refusal.message).toMatch(/Ask your teacher/);
      expect(refusal.ok ? "" : refusal.message).not.toMatch(/\d+ seconds/);
    }
    // 60 admissions racing on two cores; recorded so a slow counter shows up in the log.
    console.log(`60 concurrent class admissions: ${elapsedMs.toFixed(0)} ms`);

    expect(await readClassSignUpActivity(db, teacher.id, classId, NOW)).toMatchObject({
      signUpsPerHour: 40,
      signedUpThisHour: 40,
      turnedAwayThisHour: 20,
      failedThisHour: 20,
      paused: false,
    });
    // The address's own budget is untouched: class sign-ups do not count against it.
    expect(await db.rateLimit.findUnique({ where: { key: `signup:ip:${school}` } })).toBeNull();

    // The teacher raises the limit; the waiting students get in.
    expect(await setSignUpLimit(db, teacher.id, classId, 45)).toEqual({ ok: true, data: { signUpsPerHour: 45 } });
    const raised = (await findClassForSignUp(db, signUpClass.joinCode))!;
    const again = await Promise.all(Array.from({ length: 6 }, () => admitClassSignUp(db, raised, school, at(60_000))));
    expect(again.filter((result) => result.ok)).toHaveLength(5);

    // An hour later the class takes new students again.
    expect((await admitClassSignUp(db, raised, school, at(HOUR + 1000))).ok).toBe(true);
  });

  it("only the class's teacher sets its limit, within bounds", async () => {
    const { classId } = await classWithLimit(40);
    const stranger = await makeUser(db, "TEACHER");
    expect(await setSignUpLimit(db, stranger.id, classId, 200)).toMatchObject({ ok: false, code: "not_found" });
    expect(await readClassSignUpActivity(db, stranger.id, classId, NOW)).toBeNull();
    expect((await db.class.findUniqueOrThrow({ where: { id: classId } })).signUpsPerHour).toBe(40);
  });

  it("a failed account creation gives its place back", async () => {
    const { teacher, classId, signUpClass } = await classWithLimit(2);
    const ip = freshIp();
    expect((await admitClassSignUp(db, signUpClass, ip, NOW)).ok).toBe(true);
    await returnClassSignUp(db, signUpClass.joinCode, ip);
    await recordClassSignUpFailure(db, signUpClass.joinCode, NOW);
    expect((await admitClassSignUp(db, signUpClass, ip, NOW)).ok).toBe(true);
    expect((await admitClassSignUp(db, signUpClass, ip, NOW)).ok).toBe(true);
    expect((await admitClassSignUp(db, signUpClass, ip, NOW)).ok).toBe(false);
    expect(await readClassSignUpActivity(db, teacher.id, classId, NOW)).toMatchObject({ signedUpThisHour: 2, turnedAwayThisHour: 1, failedThisHour: 2 });
  });

  it("a sprayed code is paused and shown to its teacher; a regenerated code starts afresh", async () => {
    const { teacher, classId, signUpClass } = await classWithLimit(45);
    for (let i = 0; i < CLASS_SIGN_UPS.failuresBeforePause; i++) await recordClassSignUpFailure(db, signUpClass.joinCode, NOW);
    const paused = await admitClassSignUp(db, signUpClass, freshIp(), at(5 * 60_000));
    expect(paused).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringContaining("paused") });
    expect(paused.ok ? "" : paused.message).toContain("in 55 minutes");
    expect(await readClassSignUpActivity(db, teacher.id, classId, NOW)).toMatchObject({ paused: true, failedThisHour: CLASS_SIGN_UPS.failuresBeforePause });

    const regenerated = await regenerateJoinCode(db, teacher.id, classId);
    if (!regenerated.ok) throw new Error(regenerated.message);
    const fresh = (await findClassForSignUp(db, regenerated.data.joinCode))!;
    expect(await findClassForSignUp(db, signUpClass.joinCode)).toBeNull();
    expect((await admitClassSignUp(db, fresh, freshIp(), at(5 * 60_000))).ok).toBe(true);
    expect(await readClassSignUpActivity(db, teacher.id, classId, NOW)).toMatchObject({ paused: false, signedUpThisHour: 1 });
  });

  it("caps the accounts one code makes in a day, whatever its hourly limit", async () => {
    const { signUpClass } = await classWithLimit(CLASS_SIGN_UPS.maxPerHour);
    let admitted = 0;
    for (let hour = 0; hour < 3; hour++) {
      for (let i = 0; i < CLASS_SIGN_UPS.maxPerHour; i++) {
        // Many addresses, so the per-address daily cap is not what stops it.
        if ((await admitClassSignUp(db, signUpClass, `198.51.100.${i % 100}`, at(hour * HOUR + i))).ok) admitted++;
      }
    }
    expect(admitted).toBe(CLASS_SIGN_UPS.perCodePerDay);
    const refused = await admitClassSignUp(db, signUpClass, freshIp(), at(3 * HOUR));
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("as many accounts as it may today") });
  });
});

describe("sign-ups and guests without a join code", () => {
  it("allow the documented number per address per hour, then refuse saying when, in minutes", async () => {
    const ip = freshIp();
    const results = [];
    for (let i = 0; i < 150; i++) results.push(await admitAnonymousSignUp(db, ip, at(i * 1000)));
    expect(results.filter((result) => result.ok)).toHaveLength(AUTH_LIMITS.signUpPerIp.limit);
    expect(results.slice(0, AUTH_LIMITS.signUpPerIp.limit).every((result) => result.ok)).toBe(true);
    const last = results.at(-1)!;
    // Refused at NOW + 149 s; the window opened at NOW, so the wait is 57 min 31 s.
    expect(last).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 3451 });
    expect(last.ok ? "" : last.message).toBe("Too many sign-ups from this network. Try again in 58 minutes, or ask your teacher for a class join link.");
    expect((await admitAnonymousSignUp(db, ip, at(HOUR + 1000))).ok).toBe(true);
  });

  it("guests share the address's hourly guest budget", async () => {
    const ip = freshIp();
    for (let i = 0; i < AUTH_LIMITS.guestPerIp.limit; i++) expect((await admitGuest(db, ip, NOW)).allowed).toBe(true);
    expect(await admitGuest(db, ip, NOW)).toEqual({ allowed: false, retryAfterSeconds: 3600 });
  });

  it("caps the account rows one address creates in a day, across sign-ups and guests", async () => {
    const ip = freshIp();
    let created = 0;
    for (let hour = 0; hour < 6; hour++) {
      for (let i = 0; i < 100; i++) {
        const admitted = i % 2 === 0 ? (await admitAnonymousSignUp(db, ip, at(hour * HOUR + i))).ok : (await admitGuest(db, ip, at(hour * HOUR + i))).allowed;
        if (admitted) created++;
      }
    }
    expect(created).toBe(AUTH_LIMITS.accountsPerIpPerDay.limit);
  });
});
