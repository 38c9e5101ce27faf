import type { SourceDocumentInput } from "@/lib/generator/types";

/** A news report with the page furniture real articles carry. */
export const NEWS_WITH_CRUFT: SourceDocumentInput = {
  name: "antalya-news",
  meta: { date: "2025-05-11", kind: "news report" },
  text: [
    "Top StoryUS",
    "Antalya to host NATO foreign ministers on May 14–15",
    "ANKARA",
    "The top diplomats of NATO allies will gather in Antalya for two days, May 14–15, as guests of Türkiye's Foreign Minister Hakan Fidan at an informal meeting.",
    "Volodymyr Zelenskyy, Ukraine's president, answers reporters' questions in Kyiv on Tuesday, May 13, 2025. (AP Photo/Evgeniy Maloletka)",
    "At present just 22 of NATO's 32 members reach the 2% goal.",
    "The NATO Land Command (LANDCOM) sits in Türkiye, which also keeps a NATO Rapid Deployable Corps Headquarters in Istanbul.",
    "Previous Article",
    "Sleepy Senator Dozes Through Marathon Budget Session",
    "How useful was this post?",
    "Click on a star and rate it now!",
    "Vote count: 0, average rating 0 / 5.",
    "Author details",
    "Menu",
  ].join("\n"),
};

/** An encyclopedia entry with a Turkish summary paragraph and the disputed claims. */
export const ENCYCLOPEDIA: SourceDocumentInput = {
  name: "kure-entry",
  meta: { date: "2025-12-03", kind: "encyclopedia entry" },
  text: [
    "The text below was automatically translated from its Turkish original.",
    "Brussels hosted the NATO Foreign Ministers' Meeting on April 3-4, 2025.",
    "The peak planned for The Hague in July 2025 falls in the year of NATO's 75th anniversary.",
    "U.S. Senator Marco Rubio said NATO needs burden sharing to be split more fairly.",
    "Summary",
    "NATO Dışişleri Bakanları 3–4 Nisan 2025'te Brüksel'de bir araya gelerek Ukrayna'ya yapılan yardımların kalıcı bir yapıya kavuşturulmasını ve Temmuz ayında Lahey'de toplanacak zirvenin hazırlıklarını ele aldı.",
  ].join("\n"),
};

/** A second source that disagrees with the encyclopedia on the summit month and Rubio's office. */
export const PREVIEW: SourceDocumentInput = {
  name: "aletihad-preview",
  meta: { date: "2025-04-02", kind: "news report" },
  text: [
    "Allies are preparing for the summit in The Hague in June.",
    "U.S. Secretary of State Marco Rubio takes part in the Brussels talks.",
    "NATO Secretary General Mark Rutte chairs the Brussels meeting.",
    "Rubio urged European allies to raise their defence spending.",
  ].join("\n"),
};

/** A transcript: opening statement, moderator, reporters' questions and the principal's answers. */
export const PRESS_CONFERENCE: SourceDocumentInput = {
  name: "press-conference",
  meta: { date: "2025-05-15", kind: "press conference" },
  text: [
    "Press conference",
    "by NATO Secretary General Mark Rutte after the informal NATO foreign ministers' meeting in Antalya",
    "(As delivered)",
    "Our informal gathering of NATO foreign ministers here in Antalya has just ended.",
    "Allison Hart, Acting NATO Spokesperson\u00a0",
    "Okay, we'll begin in the front row, over on the far right.",
    "Sabine Siebold (Reuters)\u00a0",
    "SecGen, do you see the incident near Estonia's coast in the Baltic Sea as escalatory?",
    "Mark Rutte, NATO Secretary General\u00a0",
    "We have Baltic Sentry, a mission focused above all on guarding our undersea critical infrastructure.",
    "Question (CNN TÜRK)",
    "What will you do to encourage the parties to stop blocking Türkiye?",
    "NATO Secretary General",
    "And Russia's whole economy is only 5% the size of NATO's combined economy.",
    "He said, ‘I'm willing to sit with Putin at any time.",
  ].join("\n"),
};
