import { describe, expect, it } from "vitest";
import { availabilityAt, countToday, tallyAvailability } from "@/lib/srs/availability";

const NOW = new Date("2026-03-10T15:00:00Z");
const END_OF_DAY = new Date("2026-03-11T04:00:00Z");
const at = (offsetMinutes: number) => new Date(NOW.getTime() + offsetMinutes * 60_000);
const card = (state: number | null, due: Date, flags: { suspended?: boolean; buriedUntil?: Date | null } = {}) => ({
  state: state === null ? null : { state, due },
  suspended: flags.suspended ?? false,
  buriedUntil: flags.buriedUntil ?? null,
});

describe("availabilityAt: the one definition of due, learning and new", () => {
  it("hides suspended and buried cards whatever their memory, and buried ones only until they come back", () => {
    expect(availabilityAt(card(2, at(-600), { suspended: true }), NOW, END_OF_DAY)).toBe("suspended");
    expect(availabilityAt(card(2, at(-600), { buriedUntil: END_OF_DAY }), NOW, END_OF_DAY)).toBe("buried");
    expect(availabilityAt(card(null, NOW, { buriedUntil: END_OF_DAY }), NOW, END_OF_DAY)).toBe("buried");
    expect(availabilityAt(card(2, at(-600), { buriedUntil: NOW }), NOW, END_OF_DAY)).toBe("review");
  });

  it("counts overdue and later-today reviews as due, learning steps today as learning, and the rest as later", () => {
    expect(availabilityAt(card(2, at(-3 * 24 * 60)), NOW, END_OF_DAY)).toBe("review");
    expect(availabilityAt(card(2, at(120)), NOW, END_OF_DAY)).toBe("review");
    expect(availabilityAt(card(1, at(10)), NOW, END_OF_DAY)).toBe("learning");
    expect(availabilityAt(card(3, at(-1)), NOW, END_OF_DAY)).toBe("learning");
    expect(availabilityAt(card(2, END_OF_DAY), NOW, END_OF_DAY)).toBe("later");
    expect(availabilityAt(card(0, at(-60)), NOW, END_OF_DAY)).toBe("new");
    expect(availabilityAt(card(null, NOW), NOW, END_OF_DAY)).toBe("new");
  });

  it("caps today's new cards at what the daily limit still admits", () => {
    const tally = tallyAvailability([
      { availability: "new", count: 5 },
      { availability: "review", count: 2 },
      { availability: "new", count: 1 },
      { availability: "buried", count: 4 },
    ]);
    expect(countToday(tally, 3)).toEqual({ review: 2, learning: 0, new: 3 });
    expect(countToday(tally, 10)).toEqual({ review: 2, learning: 0, new: 6 });
    expect(countToday(tally, -2)).toEqual({ review: 2, learning: 0, new: 0 });
  });
});
