import type { SourceDocumentInput } from "@/lib/generator/types";

/** A news report with the page furniture real articles carry. */
export const NEWS_WITH_CRUFT: SourceDocumentInput = {
  name: "antalya-news",
  meta: { date: "2025-05-11", kind: "news report" },
  text: [
    "Top StoryUS",
    "NATO foreign ministers to meet in Antalya on May 14–15",
    "ANKARA",
    "NATO foreign ministers will gather in Antalya, Türkiye on May 14–15 for an informal meeting hosted by Foreign Minister Hakan Fidan.",
    "Ukrainian President Volodymyr Zelenskyy speaks to journalists in Kyiv, Ukraine, Tuesday, May 13, 2025. (AP Photo/Evgeniy Maloletka)",
    "Only 22 of NATO's 32 members currently meet the 2% goal.",
    "The NATO Land Command (LANDCOM) is based in Türkiye, and the country hosts the NATO Rapid Deployable Corps Headquarters in Istanbul.",
    "Previous Article",
    "Lawmaker Nods Off as Budget Hearing Drags On",
    "How useful was this article?",
    "Click on a star to rate it!",
    "Average rating 0 / 5. Vote count: 0",
    "Author Information",
    "Menu",
  ].join("\n"),
};

/** An encyclopedia entry with a Turkish summary paragraph and the disputed claims. */
export const ENCYCLOPEDIA: SourceDocumentInput = {
  name: "kure-entry",
  meta: { date: "2025-12-03", kind: "encyclopedia entry" },
  text: [
    "This article was automatically translated from the original Turkish version.",
    "NATO Foreign Ministers' Meeting was held in Brussels on April 3-4, 2025.",
    "The peak to be held in The Hague in July 2025 coincides with NATO's 75th anniversary.",
    "U.S. Senator Marco Rubio stated that NATO requires a more fair balance in burden sharing.",
    "Summary",
    "3–4 Nisan 2025 tarihlerinde Belçika’nın Brüksel kentinde düzenlenen NATO Dışişleri Bakanları Toplantısı, Ukrayna’ya verilen desteğin kurumsallaştırılması ve Temmuz’daki Lahey Zirvesi’ne hazırlık amacıyla gerçekleştirildi.",
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
    "by NATO Secretary General Mark Rutte following the Informal meeting of NATO Ministers of Foreign Affairs in Antalya",
    "(As delivered)",
    "We have just concluded our informal meeting of NATO Foreign Ministers in Antalya.",
    "Allison Hart, Acting NATO Spokesperson\u00a0",
    "All right, we'll start with the front row all the way on my right.",
    "Sabine Siebold (Reuters)\u00a0",
    "SecGen, do you see the incident in the Baltic Sea off the Estonian coast as an escalation?",
    "Mark Rutte, NATO Secretary General\u00a0",
    "We have Baltic Sentry, which is working particularly at protecting our undersea critical infrastructure.",
    "Question (CNN TÜRK)",
    "How do you encourage the parties involved not to place obstacles in Türkiye's way?",
    "NATO Secretary General",
    "And Russia has only 5% the size of the overall NATO economy.",
    "He said, ‘I'm willing to sit with Putin.",
  ].join("\n"),
};
