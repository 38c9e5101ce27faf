import type { Maturity } from "@/lib/progress/maturity";

/** One colour per maturity stage, from the theme tokens so both colour schemes work. */
export const MATURITY_STYLES: Record<Maturity, { label: string; fill: string; swatch: string }> = {
  new: { label: "New", fill: "fill-line", swatch: "bg-line" },
  learning: { label: "Learning", fill: "fill-hard", swatch: "bg-hard" },
  young: { label: "Young", fill: "fill-easy", swatch: "bg-easy" },
  mature: { label: "Mature", fill: "fill-good", swatch: "bg-good" },
};

export const MATURITY_ORDER: Maturity[] = ["new", "learning", "young", "mature"];
