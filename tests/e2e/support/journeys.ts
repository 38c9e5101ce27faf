import type { Page } from "playwright-core";
import pg from "pg";
import { inject } from "vitest";
import { uniqueEmail } from "./browser";

export const PASSWORD = "revision on the bus 42";

export type Account = { email: string; password: string; name: string };

/** Signs up through the form and waits for the landing page of the chosen role. */
export async function signUp(page: Page, options: { name: string; role: "student" | "teacher"; emailPrefix?: string }): Promise<Account> {
  const account = { email: uniqueEmail(options.emailPrefix ?? options.role), password: PASSWORD, name: options.name };
  await page.goto("/signup");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("radio", { name: options.role === "teacher" ? "Teacher" : "Student" }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(options.role === "teacher" ? /\/teach$/ : /\/decks$/);
  return account;
}

export async function signIn(page: Page, account: Account, landing: RegExp = /\/dashboard/): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(landing);
}

/** Creates an empty deck from /teach and returns its id (read from the deck page's address). */
export async function createDeck(page: Page, name: string): Promise<string> {
  await page.goto("/teach/decks/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create deck" }).click();
  await page.waitForURL((url) => /^\/teach\/decks\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
  return new URL(page.url()).pathname.split("/").pop()!;
}

export type NewCard = {
  kind: "Question and answer" | "Multiple choice" | "True or false" | "Numeric";
  prompt: string;
  answer: string;
  choices?: string[];
};

/** Adds one card through the card editor, which returns to the deck page once it is stored. */
export async function addCard(page: Page, deckId: string, card: NewCard): Promise<void> {
  await page.goto(`/teach/decks/${deckId}/cards/new`);
  await page.getByLabel("Kind").selectOption({ label: card.kind });
  await page.getByLabel("Prompt").fill(card.prompt);
  await page.getByLabel("Answer", { exact: true }).fill(card.answer);
  if (card.choices) await page.getByLabel("Choices").fill(card.choices.join("\n"));
  await page.getByRole("button", { name: "Add card" }).click();
  const refused = page.getByRole("main").getByRole("alert");
  await Promise.race([page.waitForURL(new RegExp(`/teach/decks/${deckId}$`)), refused.waitFor()]);
  if (await refused.isVisible()) throw new Error(`The card editor refused ${card.prompt}: ${await page.getByRole("main").innerText()}`);
}

/** One query against the app's database, for checking what the UI claims it stored. */
export async function query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

export async function reviewRatings(email: string): Promise<number[]> {
  const rows = await query<{ rating: number }>(
    `SELECT r.rating FROM "ReviewLog" r JOIN "User" u ON u.id = r."userId" WHERE u.email = $1 ORDER BY r."reviewedAt", r."createdAt"`,
    [email],
  );
  return rows.map((row) => row.rating);
}
