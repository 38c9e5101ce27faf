import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findUserSettings } from "@/lib/users/data";
import { ChangePasswordForm } from "./_components/change-password-form";
import { DeleteAccountForm } from "./_components/delete-account-form";
import { ImportDataForm } from "./_components/import-data-form";
import { StudySettingsForm } from "./_components/study-settings-form";

export const metadata: Metadata = { title: "Settings" };

function listTimeZones(current: string): string[] {
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone")];
  // A stored zone this runtime spells differently (an alias) must still be selectable, or saving would change it.
  return zones.includes(current) ? zones : [current, ...zones];
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const settings = await findUserSettings(getDb(), user.id);
  if (!settings) redirect("/signin");
  const { fsrsParameters, ...values } = settings;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">Settings</h1>
      {user.isGuest && (
        <p className="rounded-2xl border border-brand bg-surface p-4">
          You are studying as a guest.{" "}
          <Link href="/signup" className="font-semibold text-brand underline">
            Create an account to keep your progress
          </Link>
          ; everything you have done so far comes with you.
        </p>
      )}
      <Section id="study-heading" title="Study">
        <StudySettingsForm values={values} zones={listTimeZones(values.timeZone)} />
      </Section>
      <Section id="personalize-heading" title="Personalize scheduling">
        <p>
          {fsrsParameters.length > 0
            ? "Your cards are scheduled with weights fitted to your own reviews."
            : "Your cards are scheduled with the standard FSRS weights."}{" "}
          Once you have enough reviews, FSRS can learn how fast you in particular forget.
        </p>
        <Link href="/settings/personalize" className="inline-flex min-h-11 items-center self-start rounded-lg border border-line px-4 font-semibold">
          Personalize scheduling
        </Link>
      </Section>
      <Section id="data-heading" title="Your data">
        <ul className="flex flex-wrap gap-3">
          <li>
            <a href="/api/me/export" download className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 font-semibold">
              Export my data (JSON)
            </a>
          </li>
          <li>
            <a href="/api/me/export?format=csv" download className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 font-semibold">
              Export review log (CSV)
            </a>
          </li>
        </ul>
        <p className="text-sm text-muted">The CSV uses the FSRS optimizer&apos;s review-log format, so other FSRS tools can read it.</p>
        <ImportDataForm />
      </Section>
      {!user.isGuest && (
        <Section id="password-heading" title="Change password">
          <ChangePasswordForm />
        </Section>
      )}
      <Section id="delete-heading" title="Delete account">
        <DeleteAccountForm email={user.email} />
      </Section>
    </div>
  );
}
