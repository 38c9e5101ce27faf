import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/app/(auth)/signin/sign-in-errors";

describe("sign-in error messages", () => {
  it("explains a spent sign-in budget and a wrong password", () => {
    expect(signInErrorMessage("RateLimited")).toBe("Too many sign-in attempts. Wait a while, then try again.");
    expect(signInErrorMessage("CredentialsSignin")).toBe("That email and password do not match an account.");
  });

  it("gives every other code next-auth sends to the sign-in page a message of its own or a general one", () => {
    const codes = [
      "Signin",
      "OAuthSignin",
      "OAuthCallback",
      "OAuthCreateAccount",
      "EmailCreateAccount",
      "Callback",
      "OAuthAccountNotLinked",
      "EmailSignin",
      "SessionRequired",
    ];
    for (const code of codes) expect(signInErrorMessage(code), code).toMatch(/\.$/);
    expect(signInErrorMessage("SessionRequired")).toBe("Sign in to see that page.");
    expect(signInErrorMessage("OAuthCallback")).toBe("Signing in did not work. Try again, or sign in another way.");
  });

  it("never echoes an unknown code from the address bar, and says nothing without one", () => {
    expect(signInErrorMessage("<b>Your account is locked, call 555-0100</b>")).toBe("Signing in did not work. Try again, or sign in another way.");
    expect(signInErrorMessage("toString")).toBe("Signing in did not work. Try again, or sign in another way.");
    expect(signInErrorMessage(undefined)).toBeUndefined();
    expect(signInErrorMessage("")).toBeUndefined();
  });
});
