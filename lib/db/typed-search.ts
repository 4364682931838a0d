import { caseInsensitive } from "./provider";

/**
 * LIKE's escape character on both databases: PostgreSQL's default, and the one the SQLite adapter
 * names in every LIKE Prisma sends (lib/db/sqlite.ts), since Prisma escapes nothing itself.
 */
export const LIKE_ESCAPE = "\\";

// Quotation marks and apostrophes, straight or curly, of any language (“ ” ‘ ’ „ « » ‹ › 「 」 …),
// and the look-alikes typed for them: backtick, acute accent, primes, Ukrainian's ʼ.
const QUOTE_MARKS = /[\p{Quotation_Mark}`\u00B4\u02BC\u2032\u2033]+/u;

/**
 * The string filters a search box's text asks for, each to be found (AND them), with the
 * database's case folding (caseInsensitive). The desk's smart typing stores curly quotes and
 * apostrophes, people type straight ones: the text is cut at every quotation mark, of any kind,
 * and only the words between them are sought, so `leave,' says` finds “… leave,’ says …”. Text of
 * quotation marks only asks for nothing. `%` and `_` are LIKE's wildcards: they are found as
 * themselves, never matching every story.
 */
export function typedSearch(typed: string): { contains: string }[] {
  return typed
    .split(QUOTE_MARKS)
    .map((fragment) => fragment.trim())
    .filter(Boolean)
    .map((fragment) => ({ contains: fragment.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c), ...caseInsensitive }));
}
