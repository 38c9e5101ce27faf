// Function words make up a large share of running text in every language and differ between
// languages, so comparing their shares separates English from other languages without a model.
const ENGLISH_STOPWORDS = toSet(
  "a about after against all also an and any are as at be been before being between both but by can could did do does " +
    "during each for from had has have he her here his how i if in into is it its more most no not of on one only or " +
    "other our out over said same she should so some such than that the their them then there these they this those " +
    "through to under up was we were what when where which while who will with would you",
);
const FOREIGN_STOPWORDS = toSet(
  // Turkish
  "ve ile bir bu da de için olarak gibi ayrıca daha olan çok en ise ki veya kadar sonra ancak tarafından " +
    // German
    "der die das und ist nicht mit dem den ein eine zu auf für von sich des auch " +
    // French
    "le la les et est une du des pour dans qui par sur pas au aux avec " +
    // Spanish, Italian, Dutch
    "el los las y es en que por con para una il di che non per het een van niet",
);

function toSet(words: string): Set<string> {
  return new Set(words.split(" "));
}

/** Paragraphs shorter than this carry too few words to judge reliably. */
const MIN_JUDGED_LENGTH = 50;
// Headline-style English ("Ukraine's NATO membership still uncertain") can have no function words
// at all, so a missing English signal alone is not enough: letters English never uses must back it.
const NON_ENGLISH_LETTERS = /[ıİşŞğĞçÇöÖüÜäÄßéèêàâñõãœ]/;
const MIN_FOREIGN_LETTER_SHARE = 0.15;

/** Judges whether a paragraph is English; short paragraphs are given the benefit of the doubt. */
export function isEnglish(paragraph: string): boolean {
  if (paragraph.length < MIN_JUDGED_LENGTH) return true;
  const words = paragraph
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0) return true;
  const share = (test: (word: string) => boolean) => words.filter(test).length / words.length;
  const english = share((word) => ENGLISH_STOPWORDS.has(word));
  const foreign = share((word) => FOREIGN_STOPWORDS.has(word));
  const accented = share((word) => NON_ENGLISH_LETTERS.test(word));
  if (foreign > english) return false;
  return !(english < 0.05 && accented >= MIN_FOREIGN_LETTER_SHARE);
}
