import { describe, expect, it } from "vitest";
import { joinCodeFromPath, signUpPathFor } from "@/lib/signups/join-link";

describe("join links through sign-in", () => {
  it("read the code from a join link's path, normalized, and nothing from other paths", () => {
    expect(joinCodeFromPath("/join/ac3d-7fgh")).toBe("AC3D7FGH");
    expect(joinCodeFromPath("/join/AC3D")).toBeUndefined();
    expect(joinCodeFromPath("/join")).toBeUndefined();
    expect(joinCodeFromPath("/decks")).toBeUndefined();
    expect(joinCodeFromPath("/join/%E0%A4%A")).toBeUndefined();
  });

  it("keep the way in when the visitor chooses to create an account instead", () => {
    expect(signUpPathFor("/join/AC3D7FGH", "/dashboard")).toBe("/signup?join=AC3D7FGH");
    expect(signUpPathFor("/settings/personalize", "/dashboard")).toBe("/signup?callbackUrl=%2Fsettings%2Fpersonalize");
    expect(signUpPathFor("/dashboard", "/dashboard")).toBe("/signup");
  });
});
