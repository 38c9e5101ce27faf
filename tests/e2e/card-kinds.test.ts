import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, VIEWPORTS, type ViewportName } from "./support/browser";
import { addCard, createDeck, type NewCard, query, reviewRatings, signUp } from "./support/journeys";

const browser = await launchBrowser();

// Cards are made through the teacher's deck and card editor, in study order (new cards come by position).
const CARDS: NewCard[] = [
  { kind: "Multiple choice", prompt: "Which city hosted the alliance's 2025 summit?", answer: "The Hague", choices: ["The Hague", "Vilnius", "Washington"] },
  { kind: "Multiple choice", prompt: "Which country joined the alliance in 2024?", answer: "Sweden", choices: ["Sweden", "Austria", "Ireland"] },
  { kind: "Multiple choice", prompt: "Which country became the alliance's 31st member?", answer: "Finland", choices: ["Finland", "Switzerland", "Malta"] },
  { kind: "Numeric", prompt: "How many countries has the alliance counted since March 2024?", answer: "32" },
  { kind: "True or false", prompt: "The alliance's 2025 summit met in The Hague.", answer: "True" },
];
const QUIZ_ANSWERS = new Map(CARDS.filter((card) => card.kind !== "Numeric").map((card) => [card.prompt, card.answer]));

type Schedule = { cardId: string; due: Date; reps: number; stability: number; state: number }[];

async function scheduleOf(email: string): Promise<Schedule> {
  return query(
    `SELECT s."cardId", s.due, s.reps, s.stability, s.state FROM "CardState" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1 ORDER BY s."cardId"`,
    [email],
  );
}

async function quizAttempts(email: string) {
  return query<{ total: number; correct: number; recorded: boolean }>(
    `SELECT q.total, q.correct, q.recorded FROM "QuizAttempt" q JOIN "User" u ON u.id = q."userId" WHERE u.email = $1 ORDER BY q."createdAt"`,
    [email],
  );
}

/** Answers every question, right unless its prompt is in `missed`, and returns the number of questions. */
async function runQuiz(page: Page, missed: Set<string>): Promise<number> {
  await page.getByRole("button", { name: "Start quiz" }).click();
  const total = Number((await page.getByText(/^Question 1 of \d+$/).textContent())!.match(/of (\d+)/)![1]);
  for (let i = 1; i <= total; i++) {
    await page.getByText(`Question ${i} of ${total}`).waitFor();
    const prompt = (await page.getByRole("heading", { level: 2 }).textContent())!.trim();
    const answer = QUIZ_ANSWERS.get(prompt)!;
    const choices = page.getByRole("main").getByRole("button");
    const pick = missed.has(prompt)
      ? choices.filter({ hasNotText: new RegExp(`^${answer}$`) }).first()
      : choices.filter({ hasText: new RegExp(`^${answer}$`) });
    await pick.click();
  }
  await page.getByRole("heading", { name: "Quiz results" }).waitFor();
  return total;
}

describe.each(Object.keys(VIEWPORTS) as ViewportName[])("card kinds at %s", (viewport) => {
  it("suggests a grade from tapped and typed answers, lets the learner override it, and quizzes without touching the schedule", async () => {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const account = await signUp(page, { name: "Kinds Teacher", role: "teacher" });
    const deckId = await createDeck(page, `Card kinds (${viewport})`);
    for (const card of CARDS) await addCard(page, deckId, card);

    await page.goto(`/study?deck=${deckId}`);
    const heading = page.getByRole("heading", { level: 1 });
    // A tap on the heading takes focus off the tapped option, so Space reaches the page's shortcut.
    const acceptSuggestion = async () => {
      await heading.click();
      await page.keyboard.press("Space");
    };

    // Multiple choice, right: Good is suggested and Space accepts it.
    await page.getByRole("button", { name: "The Hague" }).click();
    expect(await page.getByRole("button", { name: /The Hague/ }).getAttribute("aria-pressed")).toBe("true");
    await page.getByText("correct answer").waitFor();
    // The ring is not the only cue: the suggested grade, and only that one, says so in its name.
    const suggested = page.getByRole("button", { name: "(suggested)" });
    await page.getByRole("button", { name: /^Good \(suggested\)/ }).waitFor();
    expect(await suggested.count()).toBe(1);
    await screenshot(page, "study-mcq-right", viewport);
    await acceptSuggestion();

    // Multiple choice, wrong: Again is suggested.
    await page.getByRole("button", { name: "Austria" }).click();
    await page.getByText("your answer").waitFor();
    await page.getByRole("button", { name: /^Again \(suggested\)/ }).waitFor();
    expect(await suggested.count()).toBe(1);
    await acceptSuggestion();

    // Multiple choice, wrong, but the learner overrides the suggestion with Good.
    await page.getByRole("button", { name: "Malta" }).click();
    await page.getByRole("button", { name: "Good" }).click();

    // Typed answer, compared leniently: " 32 Countries" counts for 32.
    await page.getByLabel("Your answer").fill(" 32 Countries");
    await page.getByRole("button", { name: "Check" }).click();
    await page.getByText("Correct.").waitFor();
    await screenshot(page, "study-typed", viewport);
    await page.keyboard.press("Space");

    // True or false, wrong: Again is suggested.
    await page.getByRole("button", { name: "False" }).click();
    await acceptSuggestion();

    await expect.poll(() => reviewRatings(account.email), { timeout: 15_000 }).toEqual([3, 1, 3, 3, 1]);

    // A practice quiz is scored at the end and leaves the schedule alone unless recording was chosen.
    const scheduleBefore = await scheduleOf(account.email);
    await page.goto(`/quiz/${deckId}`);
    await page.getByText("This deck has 4 quiz questions, so the quiz will have 4.").waitFor();
    expect(await page.getByRole("checkbox", { name: "Record these answers in my schedule" }).isChecked()).toBe(false);
    const missedPrompt = CARDS[1]!.prompt;
    expect(await runQuiz(page, new Set([missedPrompt]))).toBe(4);
    await page.getByText("3 / 4 (75%)").waitFor();
    await page.getByText("Saved. Your schedule was not changed.").waitFor();
    await screenshot(page, "quiz-results", viewport);
    expect(await quizAttempts(account.email)).toEqual([{ total: 4, correct: 3, recorded: false }]);
    expect(await scheduleOf(account.email)).toEqual(scheduleBefore);
    expect(await reviewRatings(account.email)).toHaveLength(5);

    await page.getByRole("button", { name: "New quiz" }).click();
    await page.getByRole("checkbox", { name: "Record these answers in my schedule" }).check();
    await runQuiz(page, new Set());
    await page.getByText("4 / 4 (100%)").waitFor();
    await page.getByText("Saved, and recorded in your schedule.").waitFor();
    expect(await quizAttempts(account.email)).toEqual([
      { total: 4, correct: 3, recorded: false },
      { total: 4, correct: 4, recorded: true },
    ]);
    expect(await reviewRatings(account.email)).toHaveLength(9);
    expect(await scheduleOf(account.email)).not.toEqual(scheduleBefore);
    await context.close();
  });
});
