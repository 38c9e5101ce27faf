import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { ExamSummaryPanel } from "@/app/_components/exam-summary";
import { loadExamSummaries } from "@/lib/exams/data";
import { buildDashboard } from "@/lib/progress/dashboard";

import { loadProgressRows } from "@/lib/progress/data";
import { listStudyDecks } from "@/lib/study/queue/deck-list";
import { JoinClassLink } from "../_components/join-class-link";
import { DeckStateChart } from "./_components/deck-state-chart";
import { ForecastChart } from "./_components/forecast-chart";
import { HeatmapChart } from "./_components/heatmap-chart";
import { MasteryChart } from "./_components/mastery-chart";
import { RetentionChart } from "./_components/retention-chart";
import { TimeSpentChart } from "./_components/time-spent-chart";
import { TodayPanel } from "./_components/today-panel";
import { loadStudySettings } from "@/lib/study/settings";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const db = getDb();
  const rows = await loadProgressRows(db, user.id);
  // The session outlived its account (deleted in another tab): start over.
  if (!rows) redirect("/signin");
  const settings = await loadStudySettings(db, user.id);
  const now = new Date();
  const exams = await loadExamSummaries(db, user.id, settings, now);
  const dashboard = buildDashboard(rows, now);
  const { today } = await listStudyDecks(db, user.id, now);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        {user.role === "STUDENT" && <JoinClassLink />}
      </div>
      <TodayPanel today={dashboard.today} work={today} streak={dashboard.streak} hasCards={rows.cards.length > 0} />
      {exams.length > 0 && (
        <section aria-labelledby="exams-heading" className="flex flex-col gap-3">
          <h2 id="exams-heading" className="text-xl font-semibold">
            Exams
          </h2>
          {exams.map((exam) => (
            <ExamSummaryPanel key={exam.deckId} exam={exam} headingLevel={3} />
          ))}
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <HeatmapChart days={dashboard.heatmap} />
        </div>
        <ForecastChart forecast={dashboard.forecast} />
        <RetentionChart weeks={dashboard.retention} desiredRetention={settings.desiredRetention} />
        <DeckStateChart decks={dashboard.decks} />
        <MasteryChart topics={dashboard.topics} />
        <div className="lg:col-span-2">
          <TimeSpentChart days={dashboard.timePerDay} weeks={dashboard.timePerWeek} />
        </div>
      </div>
    </div>
  );
}
