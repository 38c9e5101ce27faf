import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireTeacher } from "@/lib/auth/session";
import { loadClassDashboard } from "@/lib/classes/dashboard";
import { findTaughtClass } from "@/lib/classes/data";
import { classIdSchema } from "@/lib/classes/schema";
import { getDb } from "@/lib/db/client";
import { requestHost, requestProto } from "@/lib/http/client-address";
import { listAssignableDecks } from "@/lib/decks/data";
import { readClassSignUpActivity } from "@/lib/signups/data";
import { cardBox, secondaryButton } from "../../_components/styles";
import { AssignDeckForm, DeleteClassButton, RegenerateCodeButton, RemoveStudentButton, UnassignButton } from "./_components/class-controls";
import { ClassLeechesTable } from "./_components/class-leeches";
import { ExamForecast } from "./_components/exam-forecast";
import { SignUpActivity } from "./_components/sign-up-activity";
import { HardestCardList, StudentCards } from "./_components/dashboard-cards";
import { HardestCardsTable, StudentTable } from "./_components/dashboard-tables";
import { countOf } from "@/app/_components/count-of";

export const metadata: Metadata = { title: "Class" };

/** The app's own origin as the browser reached it, for a join link the teacher can paste anywhere. */
async function siteOrigin(): Promise<string> {
  const list = await headers();
  const host = requestHost(list) ?? "localhost:3000";
  const proto = requestProto(list) ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const classId = classIdSchema.safeParse((await params).classId);
  if (!classId.success) notFound();
  const teacher = await requireTeacher(`/teach/classes/${classId.data}`);
  const db = getDb();
  const now = new Date();
  const [taught, dashboard, decks, signUps] = await Promise.all([
    findTaughtClass(db, teacher.id, classId.data),
    loadClassDashboard(db, teacher.id, classId.data, now),
    listAssignableDecks(db, teacher.id),
    readClassSignUpActivity(db, teacher.id, classId.data, now),
  ]);
  if (!taught || !dashboard || !signUps) notFound();
  const joinPath = `/join/${taught.joinCode}`;
  const students = taught.members.filter((member) => member.role === "STUDENT");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Link href="/teach" className="text-sm text-muted underline">
          Teach
        </Link>
        <h1 className="text-2xl font-bold break-words">{taught.name}</h1>
      </div>

      <section aria-labelledby="join-heading" className={cardBox}>
        <h2 id="join-heading" className="text-xl font-semibold">
          Join code
        </h2>
        <p className="font-mono text-3xl font-bold tracking-widest">{taught.joinCode}</p>
        <p className="break-all">
          Join link: <a href={joinPath} className="text-brand underline">{`${await siteOrigin()}${joinPath}`}</a>
        </p>
        <RegenerateCodeButton classId={taught.id} />
      </section>

      <SignUpActivity classId={taught.id} activity={signUps} now={now} />

      <section aria-labelledby="roster-heading" className={cardBox}>
        <h2 id="roster-heading" className="text-xl font-semibold">
          Students ({students.length})
        </h2>
        {students.length === 0 ? (
          <p className="text-muted">Nobody has joined yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {students.map((member) => (
              <li key={member.user.id} className="flex flex-wrap items-center gap-3 py-2">
                <span className="mr-auto font-medium">{member.user.name}</span>
                <RemoveStudentButton classId={taught.id} student={member.user} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="assign-heading" className={cardBox}>
        <h2 id="assign-heading" className="text-xl font-semibold">
          Assigned decks
        </h2>
        {taught.assignments.length > 0 && (
          <ul className="flex flex-col divide-y divide-line">
            {taught.assignments.map((assignment) => (
              <li key={assignment.id} className="flex flex-wrap items-center gap-3 py-2">
                <span className="mr-auto">
                  <span className="font-medium">{assignment.deck.name}</span>
                  <span className="block text-sm text-muted">
                    {countOf(assignment.deck._count.cards, "card")}
                    {assignment.targetDate && ` · by ${dateFormat.format(assignment.targetDate)}`}
                    {assignment.dailyGoal && ` · ${assignment.dailyGoal} reviews a day`}
                    {assignment.examDate && ` · exam ${dateFormat.format(assignment.examDate)}, target ${Math.round(assignment.targetRecall * 100)}%`}
                  </span>
                </span>
                <UnassignButton classId={taught.id} assignment={{ id: assignment.id, deckName: assignment.deck.name }} />
              </li>
            ))}
          </ul>
        )}
        <AssignDeckForm classId={taught.id} decks={decks.map((deck) => ({ id: deck.id, name: deck.name, mine: deck.ownerId === teacher.id }))} />
      </section>

      <section aria-labelledby="progress-heading" className={cardBox}>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="progress-heading" className="mr-auto text-xl font-semibold">
            Progress
          </h2>
          <a href={`/api/classes/${taught.id}/export`} className={secondaryButton} download>
            Export CSV
          </a>
        </div>
        {/* Phones get cards with the key figures in view; the tables need tablet width. */}
        <div className="flex flex-col gap-4 md:hidden">
          <StudentCards dashboard={dashboard} />
          <HardestCardList dashboard={dashboard} />
        </div>
        <div className="hidden flex-col gap-4 md:flex">
          <StudentTable dashboard={dashboard} />
          <HardestCardsTable dashboard={dashboard} />
        </div>
        <ClassLeechesTable dashboard={dashboard} />
      </section>

      {dashboard.forecasts.length > 0 && (
        <section aria-labelledby="forecast-heading" className={cardBox}>
          <h2 id="forecast-heading" className="text-xl font-semibold">
            Exam forecast
          </h2>
          {dashboard.forecasts.map((forecast) => (
            <ExamForecast key={forecast.assignmentId} forecast={forecast} canEdit={dashboard.editableDeckIds.includes(forecast.deckId)} />
          ))}
        </section>
      )}

      <DeleteClassButton classId={taught.id} name={taught.name} />
    </div>
  );
}
