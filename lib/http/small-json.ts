import { NextResponse } from "next/server";

/**
 * A JSON answer of a few hundred bytes. `no-transform` keeps Next.js's gzip off it: compressing a grade's answer
 * cost about 14% of the server's CPU per grade in the profile (bench/cpu-profile-top.ts) to save a few hundred
 * bytes. Every such answer is for one user at one moment, so nothing may cache it either.
 */
export function smallJson(body: object, init: { status?: number; headers?: Record<string, string> } = {}) {
  return NextResponse.json(body, { status: init.status, headers: { "Cache-Control": "no-store, no-transform", ...init.headers } });
}
