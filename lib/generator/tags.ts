import type { MentionType } from "./types";

// Topic rules match the whole statement plus the answer; a card can sit in several topics.
const TOPIC_RULES: readonly [string, RegExp][] = [
  [
    "defence-spending",
    /\bdefen[cs]e (?:spending|budgets?|investments?|expenditures?)|\bGDP\b|gross domestic product|\bburden[- ]sharing|spending target|investment (?:plan|pledge)|capability (?:targets|gaps)|absorption capacity|\d% (?:goal|target)/i,
  ],
  ["defence-industry", /defen[cs]e industr|\bproduction\b|ammunition|Eurofighter|F-35|Hürjet|arms sales/i],
  ["ukraine", /Ukrain|Kyiv|Zelensk|Sybiha|ceasefire|Minsk|peace deal|peace talks/i],
  ["russia", /Russia|Kremlin|Putin|Medinsky|Fomin|Galuzin|Moscow/i],
  ["turkiye", /Türkiye|Turkiye|Turkey|Turkish|Antalya|Istanbul|Izmir|Ankara|Fidan|Erdo[gğ]an|LANDCOM|Land Command|Rapid Deployable Corps/i],
  ["indo-pacific", /Indo-Pacific|Asia-Pacific|Japan|Australia|South Korea|New Zealand|\bIP4\b|China|Chinese/i],
  ["summits", /\bsummit|\bHague\b|ministerial|ministers' meeting|foreign ministers|North Atlantic Council|\biFMM\b|communiqu/i],
  ["united-states", /\bU\.?S\.?A?\b|United States|Washington|Rubio|Trump|Whitaker|Witkoff|State Department|Department of State/i],
  ["european-union", /European Union|\bEU\b|Kallas/i],
  ["baltic", /Baltic|Estonia/i],
  ["deterrence", /deterren|nuclear|warheads|collective defen[cs]e|Strategic Concept/i],
  ["terrorism", /terroris/i],
  ["resilience", /resilience|critical infrastructure|civil defen[cs]e|crisis response|cyber|disinformation|supply chain/i],
];

/** Topic tags from keyword rules, plus "people" when the card asks for a person. */
export function assignTags(statement: string, answer: string, answerType: MentionType): string[] {
  const haystack = `${statement} ${answer}`;
  const tags = TOPIC_RULES.filter(([, pattern]) => pattern.test(haystack)).map(([tag]) => tag);
  if (answerType === "person") tags.push("people");
  return tags.length > 0 ? tags : ["nato-general"];
}
