// Typographer's quotes and dashes as the editor types: " becomes “ or ”, ' becomes ‘ or ’ (the
// apostrophe, also in a decade written short: '90s becomes ’90s once its s is typed), -- becomes an
// em dash, ... an ellipsis. Backspace right after a substitution puts
// the straight character back (TipTap's undoInputRule), and the toolbar turns it off altogether.

/** Characters after which a quote opens rather than closes. */
const OPENS_AFTER = /[\s([{<\u2014\u2013\u2018\u201c/-]$/;

/** The curly form of a straight quote typed after `before` (the text just before it in its paragraph). */
export function curlyQuote(quote: '"' | "'", before: string): string {
  const opens = before === "" || OPENS_AFTER.test(before);
  if (quote === '"') return opens ? "\u201c" : "\u201d";
  return opens ? "\u2018" : "\u2019";
}

/** An opening single quote and two digits: with an s after them, a decade written short ('90s). */
const DECADE_SO_FAR = /\u2018(\d{2})$/;

/** What typing `typed` after `before` becomes, or null when it stays as typed. */
export function smartReplacement(before: string, typed: string): { replace: number; with: string } | null {
  if (typed === '"' || typed === "'") return { replace: 0, with: curlyQuote(typed, before) };
  // The quote typed before "90" looked like an opening one; "s" shows it was an apostrophe.
  const decade = typed === "s" ? DECADE_SO_FAR.exec(before) : null;
  if (decade) return { replace: 3, with: `\u2019${decade[1]}s` };
  if (typed === "-" && before.endsWith("-")) return { replace: 1, with: "\u2014" };
  if (typed === "." && before.endsWith("..")) return { replace: 2, with: "\u2026" };
  return null;
}

/** Applies smartReplacement to a whole string typed one character at a time (tests, imports). */
export function smartenTyped(text: string): string {
  let out = "";
  for (const ch of text) {
    const r = smartReplacement(out.slice(out.lastIndexOf("\n") + 1), ch);
    out = r ? out.slice(0, out.length - r.replace) + r.with : out + ch;
  }
  return out;
}
