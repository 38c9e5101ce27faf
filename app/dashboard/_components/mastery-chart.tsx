import type { TopicMastery } from "@/lib/progress/maturity";
import { ChartFigure } from "./chart-figure";
import { formatPercent } from "./format";
import { StackedBar } from "./stacked-bar";

/** For each topic tag, the share of its cards that are mature, as bars with the percentage written out. */
export function MasteryChart({ topics }: { topics: TopicMastery[] }) {
  return (
    <ChartFigure
      title="Mastery by topic"
      caption="Share of each topic's cards that are mature (scheduled 21 days or more ahead)."
      table={{
        caption: "Mastery by topic",
        columns: ["Topic", "Mature", "Cards"],
        rows: topics.map((topic) => [topic.tag, formatPercent(topic.share), topic.cards]),
      }}
      empty={topics.length === 0 ? "Topics appear once your decks have tagged cards." : undefined}
    >
      <ul className="flex flex-col gap-3">
        {topics.map((topic) => (
          <li key={topic.tag} className="flex flex-col gap-1">
            <div className="flex justify-between gap-2 text-sm">
              <span className="break-words">
                {topic.tag} <strong>{formatPercent(topic.share)} mature</strong>
              </span>
              <span className="text-muted tabular-nums">
                {topic.mature}/{topic.cards}
              </span>
            </div>
            <StackedBar
              segments={[
                { key: "mature", value: topic.mature, className: "fill-good" },
                { key: "rest", value: topic.cards - topic.mature, className: "fill-line" },
              ]}
            />
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
