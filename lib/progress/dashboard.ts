import type { DaySettings } from "@/lib/srs/settings";
import { summarizeDailyActivity, summarizeWeeklyActivity, type DayActivity, type WeekActivity } from "./activity";
import { forecastDueCards, type ForecastDay } from "./forecast";
import { countMaturityByDeck, measureTopicMastery, type DeckMaturity, type TopicMastery } from "./maturity";
import { measureWeeklyRetention, type WeekRetention } from "./retention";
import { indexMemories, type CardRow, type DeckRow, type MemoryRow, type ReviewRow } from "./rows";
import { measureStreak, type Streak } from "./streak";
import { summarizeToday, type TodaySummary } from "./today";

export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 30;
export const RETENTION_WEEKS = 12;
export const TIME_SPENT_DAYS = 30;
export const TIME_SPENT_WEEKS = 12;

export type ProgressRows = {
  daySettings: DaySettings;
  decks: DeckRow[];
  cards: CardRow[];
  memories: MemoryRow[];
  reviews: ReviewRow[];
};

export type Dashboard = {
  today: TodaySummary;
  streak: Streak;
  totalReviews: number;
  heatmap: DayActivity[];
  forecast: ForecastDay[];
  retention: WeekRetention[];
  decks: DeckMaturity[];
  topics: TopicMastery[];
  timePerDay: DayActivity[];
  timePerWeek: WeekActivity[];
};

/** Every dashboard figure for one learner at `now`. */
export function buildDashboard(rows: ProgressRows, now: Date): Dashboard {
  const { daySettings, reviews } = rows;
  const memories = indexMemories(rows.memories);
  const heatmap = summarizeDailyActivity(reviews, now, daySettings, HEATMAP_DAYS);
  return {
    today: summarizeToday({ reviews, now, daySettings }),
    streak: measureStreak(
      reviews.map((review) => review.reviewedAt),
      now,
      daySettings,
    ),
    totalReviews: reviews.length,
    heatmap,
    forecast: forecastDueCards(rows.memories, now, daySettings, FORECAST_DAYS),
    retention: measureWeeklyRetention(reviews, now, daySettings, RETENTION_WEEKS),
    decks: countMaturityByDeck(rows.decks, rows.cards, memories),
    topics: measureTopicMastery(rows.cards, memories),
    timePerDay: heatmap.slice(-TIME_SPENT_DAYS),
    timePerWeek: summarizeWeeklyActivity(heatmap).slice(-TIME_SPENT_WEEKS),
  };
}
