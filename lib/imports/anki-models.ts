/**
 * The two note types an exported package carries, in Anki's schema-11 JSON. Basic has extra fields (Kind,
 * Choices, Explanation, Tolerance) so multiple-choice, true/false and numeric cards survive a round trip;
 * Anki shows the choices, the tolerance of a numeric answer and the explanation, and ignores the kind.
 */

export const BASIC_MODEL_ID = 1_735_000_000_001;
export const CLOZE_MODEL_ID = 1_735_000_000_002;
export const BASIC_FIELDS = ["Front", "Back", "Kind", "Choices", "Explanation", "Tolerance"] as const;
export const CLOZE_FIELDS = ["Text", "Back Extra"] as const;

const CSS =
  ".card { font-family: system-ui, sans-serif; font-size: 20px; text-align: center; color: black; background-color: white; }\n.choices, .explanation, .tolerance { margin-top: 1em; font-size: 16px; }\n.cloze { font-weight: bold; color: blue; }";

const LATEX_PRE =
  "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n";

function fields(names: readonly string[]) {
  return names.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] }));
}

function template(name: string, qfmt: string, afmt: string) {
  return { name, ord: 0, qfmt, afmt, did: null, bqfmt: "", bafmt: "" };
}

function model(id: number, name: string, type: 0 | 1, fieldNames: readonly string[], tmpl: ReturnType<typeof template>, deckId: number, modSeconds: number) {
  return {
    id,
    name,
    type,
    mod: modSeconds,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [tmpl],
    flds: fields(fieldNames),
    css: CSS,
    latexPre: LATEX_PRE,
    latexPost: "\\end{document}",
    tags: [],
    vers: [],
    // The first field is what makes the front non-empty, for both note types.
    req: [[0, "all", [0]]],
  };
}

/** col.models: the Basic and Cloze note types keyed by id. */
export function buildModels(deckId: number, modSeconds: number) {
  return {
    [BASIC_MODEL_ID]: model(
      BASIC_MODEL_ID,
      "Basic (Alliance Recall)",
      0,
      BASIC_FIELDS,
      template(
        "Card 1",
        "{{Front}}{{#Choices}}<div class=choices>{{Choices}}</div>{{/Choices}}",
        "{{FrontSide}}<hr id=answer>{{Back}}{{#Tolerance}}<div class=tolerance>(accepted within ± {{Tolerance}})</div>{{/Tolerance}}{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}",
      ),
      deckId,
      modSeconds,
    ),
    [CLOZE_MODEL_ID]: model(
      CLOZE_MODEL_ID,
      "Cloze (Alliance Recall)",
      1,
      CLOZE_FIELDS,
      template("Cloze", "{{cloze:Text}}", "{{cloze:Text}}{{#Back Extra}}<div class=explanation>{{Back Extra}}</div>{{/Back Extra}}"),
      deckId,
      modSeconds,
    ),
  };
}

function deck(id: number, name: string, description: string, modSeconds: number) {
  return {
    id,
    name,
    desc: description,
    mod: modSeconds,
    usn: -1,
    collapsed: false,
    browserCollapsed: false,
    dyn: 0,
    conf: 1,
    extendNew: 10,
    extendRev: 50,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

/** col.decks: Anki's Default deck (every collection has id 1) and the exported one. */
export function buildDecks(deckId: number, name: string, description: string, modSeconds: number) {
  return { 1: deck(1, "Default", "", modSeconds), [deckId]: deck(deckId, name, description, modSeconds) };
}

/** col.dconf: Anki's default options group, which both decks use. */
export function buildDeckConfigs() {
  return {
    1: {
      id: 1,
      name: "Default",
      mod: 0,
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
      rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    },
  };
}

/** col.conf: collection settings Anki expects to find. */
export function buildCollectionConf(deckId: number) {
  return {
    activeDecks: [1],
    curDeck: deckId,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: String(BASIC_MODEL_ID),
    nextPos: 1,
    sortType: "noteFld",
    sortBackwards: false,
    addToCur: true,
  };
}
