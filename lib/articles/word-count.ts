import { bodyToText } from "./body";

/** Words per minute of an adult reading news on screen; what "4 min read" is based on. */
export const READING_WORDS_PER_MINUTE = 230;

// A word is a run of non-space characters holding a letter or a digit: "—" and "•" are not words,
// "don’t", "COVID-19" and "2026" are one each.
const WORD = /[\p{L}\p{N}]/u;

/** The number of words in a piece of plain text. */
export function countTextWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) if (WORD.test(token)) words++;
  return words;
}

/** The number of words in a story body. */
export function countWords(doc: Parameters<typeof bodyToText>[0]): number {
  return countTextWords(bodyToText(doc));
}

/** Minutes to read `words` words, rounded up; 0 for an empty story. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / READING_WORDS_PER_MINUTE));
}

/** "1,234 words · 6 min read" */
export function wordCountLabel(words: number): string {
  const minutes = readingMinutes(words);
  return `${words.toLocaleString("en-GB")} ${words === 1 ? "word" : "words"}${minutes ? ` · ${minutes} min read` : ""}`;
}
