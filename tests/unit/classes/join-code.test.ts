import { describe, expect, it } from "vitest";
import { generateJoinCode } from "@/lib/classes/join-code";
import { JOIN_CODE_ALPHABET, joinCodeSchema } from "@/lib/classes/schema";

describe("join codes", () => {
  it("are 8 characters from an alphabet without look-alikes", () => {
    for (let i = 0; i < 200; i++) expect(generateJoinCode()).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{8}$/);
    for (const confusable of "0O1IL2Z5S8B") expect(JOIN_CODE_ALPHABET).not.toContain(confusable);
    expect(generateJoinCode(() => 0)).toBe("33333333");
  });

  it("accept what a student types: any case, spaces and dashes", () => {
    expect(joinCodeSchema.parse(" ac3d-7fgh ")).toBe("AC3D7FGH");
    expect(joinCodeSchema.safeParse("AC3D").success).toBe(false);
    expect(joinCodeSchema.safeParse("AC3D7FG!").success).toBe(false);
  });

  it("are well formed with any 8 letters and digits, so a code with look-alikes is looked up (and found by no class)", () => {
    expect(joinCodeSchema.parse("ABCD1234")).toBe("ABCD1234");
    expect(joinCodeSchema.parse("ac3d7fg0")).toBe("AC3D7FG0");
  });
});
