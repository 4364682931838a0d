/** A source's archived copy as readers get it: Dateline's newest capture of the address for the story. */
export type ArchivedCopy = { id: string; capturedAt: Date; status: number | null };

/** What a story read selects to give each source its copy and the link checker's "gone". */
export const sourceArchiveSelect = {
  sourceCaptures: {
    where: { state: "CAPTURED" },
    select: { id: true, url: true, fetchedAt: true, httpStatus: true },
    orderBy: { fetchedAt: "desc" },
    // The newest copy of each address only, not every refresh ever taken.
    distinct: "url",
  },
  sourceChecks: { where: { verdict: "GONE" }, select: { url: true } },
} as const;

/** Each source with its copy (the newest capture of its address) and whether the checker found it gone. */
export function withArchivedCopies<S extends { url: string }>(
  sources: S[],
  row: { sourceCaptures: { id: string; url: string; fetchedAt: Date; httpStatus: number | null }[]; sourceChecks: { url: string }[] },
): (S & { copy: ArchivedCopy | null; gone: boolean })[] {
  const newest = new Map<string, ArchivedCopy>();
  for (const c of row.sourceCaptures)
    if (!newest.has(c.url)) newest.set(c.url, { id: c.id, capturedAt: c.fetchedAt, status: c.httpStatus });
  const gone = new Set(row.sourceChecks.map((c) => c.url));
  return sources.map((s) => ({ ...s, copy: newest.get(s.url) ?? null, gone: gone.has(s.url) && newest.has(s.url) }));
}
