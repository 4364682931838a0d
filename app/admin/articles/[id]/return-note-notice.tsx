import type { OpenReturnNote } from "@/lib/articles/return-note";
import { formatDateTime } from "@/lib/format/time";

/** The note an editor left when returning the story to its writer, shown on the story until it is submitted again. */
export function ReturnNoteNotice({ note, timeZone }: { note: OpenReturnNote; timeZone: string }) {
  return (
    <section className="card return-note" aria-labelledby="return-note-heading" data-testid="return-note">
      <h2 id="return-note-heading">
        Returned by {note.byName}, {formatDateTime(note.createdAt, timeZone)}
      </h2>
      <p className="return-note-text">{note.text}</p>
    </section>
  );
}
