import { describe, expect, it } from "vitest";
import { normalizePassword, passwordRuleProblem } from "@/lib/auth/password-rules";

const COMMON = new Set(["password", "password1", "summer", "welcome", "qwerty12"]);
const problem = (password: string, email?: string) => passwordRuleProblem(password, COMMON, email);

describe("password rules (NIST SP 800-63B)", () => {
  it("counts characters as people do: four emoji are four characters", () => {
    expect(problem("🙂🙂🙃🙃")).toBe("Use at least 8 characters; this one has 4.");
    expect(problem("🙂🙃🙂🙃🐻🦊🐼🐨")).toBeNull();
  });

  it("refuses listed passwords in any case, and listed words with digits or symbols around them", () => {
    expect(problem("QWERTY12")).toContain("lists of leaked and common passwords");
    expect(problem("Password1!")).toBe('This is a common password ("password") with digits or symbols added, which attackers try early. Choose another.');
    expect(problem("Summer2024")).toContain('("summer")');
    expect(problem("!!Welcome1")).toContain('("welcome")');
  });

  it("refuses repeats, the site's own name and the email, and says why", () => {
    expect(problem("aaaaaaaa")).toContain("repeated character or pattern");
    expect(problem("abcabcabc")).toContain("repeated character or pattern");
    expect(problem("Alliance-Recall!")).toBe("A password made of this site's name is easy to guess. Choose another.");
    expect(problem("NATO2025!")).toContain("this site's name");
    expect(problem("ada.lovelace", "Ada.Lovelace@example.org")).toBe("The password must differ from the email.");
  });

  it("accepts a passphrase", () => {
    expect(problem("revision on the bus 42")).toBeNull();
  });

  it("normalises to NFKC, so composed and decomposed accents are one password", () => {
    const composed = "café au lait".normalize("NFC");
    const decomposed = "café au lait".normalize("NFD");
    expect(composed).not.toBe(decomposed);
    expect(normalizePassword(decomposed)).toBe(normalizePassword(composed));
    expect(normalizePassword("ｐａｓｓ１")).toBe("pass1");
  });
});
