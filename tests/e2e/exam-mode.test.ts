import { describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot } from "./support/browser";
import { addCard, createDeck, query, signUp } from "./support/journeys";

const browser = await launchBrowser();
const DAY_MS = 86_400_000;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const longDay = (date: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" }).format(date);

describe("exam mode on a phone (390×844)", () => {
  it("a teacher sets an exam date; the student sees the new-card pace and predicted recall, the teacher the class forecast", async () => {
    // Thirty days ahead, new cards done a week before: four cards need one a day whatever the hour of the run.
    const exam = new Date(Date.now() + 30 * DAY_MS);
    const finish = new Date(exam.getTime() - 7 * DAY_MS);
    const teacherContext = await newContext(browser, "phone");
    const teacher = await teacherContext.newPage();
    await signUp(teacher, { name: "Exam Teacher", role: "teacher" });
    const deckName = "Summit facts for the exam";
    const deckId = await createDeck(teacher, deckName);
    for (const [prompt, answer] of [
      ["Where was the 2025 summit held?", "The Hague"],
      ["Which country joined in March 2024?", "Sweden"],
      ["Which country joined in April 2023?", "Finland"],
      ["How many allies met 2% in 2024?", "23"],
    ]) {
      await addCard(teacher, deckId, { kind: "Question and answer", prompt: prompt!, answer: answer! });
    }

    await teacher.goto("/teach/classes/new");
    await teacher.getByLabel("Name").fill("Exam seminar");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await teacher.getByRole("heading", { name: "Join code" }).waitFor();
    const joinCode = (await teacher.getByRole("region", { name: "Join code" }).locator("p.font-mono").textContent())!.trim();
    const classUrl = teacher.url();
    await teacher.getByLabel("Deck", { exact: true }).selectOption({ label: deckName });
    const examFields = teacher.getByRole("group", { name: "Exam (optional)" });
    await examFields.getByLabel("Exam date").fill(isoDay(exam));
    await expect.poll(() => examFields.getByLabel("Target recall (%)").inputValue()).toBe("90");
    await expect.poll(() => examFields.getByLabel("New cards done, days before").inputValue()).toBe("7");
    await teacher.getByRole("button", { name: "Assign" }).click();
    await teacher.getByText("Deck assigned.").waitFor();
    await teacher.getByText(/exam \d+ \w+ \d{4}, target 90%/).waitFor();
    await screenshot(teacher, "exam-assign", "phone");

    const studentContext = await newContext(browser, "phone");
    const student = await studentContext.newPage();
    const account = await signUp(student, { name: "Exam Student", role: "student" });
    await student.goto("/join");
    await student.getByLabel("Join code").fill(joinCode);
    await student.getByRole("button", { name: "Join class" }).click();
    await student.getByText("You joined Exam seminar.").waitFor();

    // The Decks page shows the pace and the figure before any study: nothing seen yet, so 0%.
    await student.goto("/decks");
    const panel = student.getByRole("region", { name: `${deckName}: exam on ${longDay(exam)}` });
    await panel.getByText(`1 new a day to finish by ${longDay(finish)}`).waitFor();
    await panel.getByText("Target 90% recall, set by your teacher.").waitFor();
    expect(await panel.getByText(/Predicted recall on exam day:/).textContent()).toMatch(/Predicted recall on exam day: 0%/);
    await screenshot(student, "exam-decks", "phone");

    // The exam's pace gives one new card today, not the default twenty.
    await student.getByRole("link", { name: `Study ${deckName}` }).click();
    await student.getByRole("region", { name: `${deckName}: exam on ${longDay(exam)}` }).waitFor();
    await student.getByRole("button", { name: "Show answer" }).click();
    await student.getByRole("button", { name: "Easy" }).click();
    const summary = student.getByRole("region", { name: "Session complete" });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Cards reviewed\s+1\s/);

    // Once the grade has reached the server, their own figure on the Dashboard has risen above 0%.
    await expect
      .poll(
        async () =>
          (
            await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReviewLog" r JOIN "User" u ON u.id = r."userId" WHERE u.email = $1`, [account.email])
          )[0]!.n,
        { timeout: 15_000 },
      )
      .toBe(1);
    await student.goto("/dashboard");
    const exams = student.getByRole("region", { name: "Exams" });
    expect(await exams.getByText(/Predicted recall on exam day:/).textContent()).toMatch(/Predicted recall on exam day: [1-9]\d?%/);
    await screenshot(student, "exam-dashboard", "phone");

    // The teacher's class dashboard has the forecast line, the student's figure and the cards worst first.
    await teacher.goto(classUrl);
    const forecast = teacher.getByRole("region", { name: "Exam forecast" });
    await forecast.getByText(`At today's pace, 0 of 1 student reaches 90% by ${longDay(exam)}.`).waitFor();
    await forecast.getByRole("row", { name: /Exam Student/ }).waitFor();
    await expect.poll(() => forecast.getByRole("link", { name: /^Edit card:/ }).count()).toBe(4);
    await screenshot(teacher, "exam-class-forecast", "phone");

    await studentContext.close();
    await teacherContext.close();
  });
});
