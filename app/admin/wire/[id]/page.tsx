import type { Metadata } from "next";
import { embargoEnd } from "@/lib/wire/policy";
import { agencyGuid } from "@/lib/wire/ingest";
import { wireRouteLabel } from "@/lib/wire/schema";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getSiteSettings } from "@/lib/cache/public-data";
import { formatDateTime } from "@/lib/format/time";
import { listSections } from "@/lib/sections/queries";
import { bodySchema, emptyBody } from "@/lib/articles/body";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import { getWireItemOrThrow } from "@/lib/wire/queries";
import { WIRE_FORMAT_LABELS, WIRE_STATUS_LABELS, type ParsedWireItem } from "@/lib/wire/schema";
import { BodyRenderer } from "@/components/article/body-renderer";
import { creditForReaders } from "@/lib/media/schema";
import { TakeForm } from "./take-form";

export const metadata: Metadata = { title: "Wire item" };

type Props = { params: Promise<{ id: string }> };

const changesOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((c): c is string => typeof c === "string") : []);

export default async function WireItemPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requirePermission("wire.view", `/admin/wire/${encodeURIComponent(id)}`);
  const item = await getWireItemOrThrow(viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { timeZone } = await getSiteSettings();
  const sections = hasPermission(viewer.role, "wire.take") ? await listSections() : [];
  const body = bodySchema.safeParse(item.body);
  const now = new Date();
  // When a story from it may go live (the embargo's end to the next whole minute, as the server rules).
  const liftsAt = item.embargoAt ? embargoEnd(item.embargoAt) : null;
  const embargoed = liftsAt && liftsAt > now;
  return (
    <>
      <p>
        <Link href="/admin/wire">← Wire</Link>
      </p>
      <h1>{item.headline}</h1>
      {item.status !== "USABLE" ? (
        <div className="wire-warning" role="alert">
          <strong>
            {item.agency} {item.status === "KILLED" ? "killed" : "withdrew"} this item.
          </strong>{" "}
          Do not use it. {item.takes.length ? "Every story taken from it is flagged on the desk." : ""}
          {item.statusNote ? <p>{item.statusNote}</p> : null}
        </div>
      ) : null}
      {embargoed ? (
        <div className="wire-embargo" role="note">
          Embargoed until {formatDateTime(liftsAt, timeZone)}: a story taken from it cannot be published or scheduled before then.
        </div>
      ) : null}
      <dl className="wire-meta">
        <dt>Agency</dt>
        <dd>{item.agency}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`badge ${item.status}`}>{WIRE_STATUS_LABELS[item.status]}</span>
        </dd>
        <dt>Version</dt>
        <dd>
          {item.version}
          {item.versionAt ? ` (made ${formatDateTime(item.versionAt, timeZone)})` : ""}
        </dd>
        <dt>Received</dt>
        <dd>{formatDateTime(item.receivedAt, timeZone)}</dd>
        <dt>Priority</dt>
        <dd>{item.priority ?? "–"}</dd>
        <dt>Urgency</dt>
        <dd>{item.urgency ?? "–"}</dd>
        <dt>Embargo</dt>
        <dd>{liftsAt ? formatDateTime(liftsAt, timeZone) : "None"}</dd>
        <dt>Byline</dt>
        <dd>{item.byline || `None (taken as “By ${item.agency} Staff”)`}</dd>
        <dt>Dateline</dt>
        <dd>{item.dateline || "–"}</dd>
        <dt>Language</dt>
        <dd>{item.language || "–"}</dd>
        <dt>Format</dt>
        <dd>
          {WIRE_FORMAT_LABELS[item.format as ParsedWireItem["format"]] ?? item.format}, by {wireRouteLabel(item.via)}
          {item.pushedBy ? ` from ${item.pushedBy}’s API key` : ""}
        </dd>
        <dt>GUID</dt>
        <dd>
          <code>{agencyGuid(item)}</code>
        </dd>
        {item.link ? (
          <>
            <dt>At the agency</dt>
            <dd>
              <a href={item.link} rel="noreferrer noopener" target="_blank">
                {item.link}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {hasPermission(viewer.role, "wire.take") ? (
        <TakeForm
          id={item.id}
          usable={item.status === "USABLE"}
          sections={sections.map((s) => ({ id: s.id, name: s.name }))}
          taken={item.takes.map((t) => ({ id: t.story.id, headline: t.story.headline }))}
        />
      ) : null}
      {item.takes.length ? (
        <section aria-labelledby="wire-taken">
          <h2 id="wire-taken">Stories taken from it</h2>
          <ul>
            {item.takes.map((t) => (
              <li key={t.story.id}>
                <Link href={`/admin/articles/${t.story.id}`}>{t.story.headline}</Link> ({STATUS_LABELS[t.story.status]}, from version{" "}
                {t.version}, {formatDateTime(t.takenAt, timeZone)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="wire-copy" className="wire-copy">
        <h2 id="wire-copy">Copy</h2>
        <BodyRenderer body={body.success ? body.data : emptyBody()} dateline={item.dateline} />
      </section>
      {item.photos.length ? (
        <section aria-labelledby="wire-photos">
          <h2 id="wire-photos">Photos</h2>
          <div className="wire-photos">
            {item.photos.map((p) => (
              <figure key={p.id}>
                {p.fileKept ? (
                  <>
                    {/* The agency's file as received, served to the desk only (app/api/admin/wire/photos). */}
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={`/api/admin/wire/photos/${p.id}`} alt={p.altText} loading="lazy" />
                  </>
                ) : (
                  <p className="muted">
                    Fetched from the agency when the item is taken: <code>{p.href}</code>
                  </p>
                )}
                <figcaption>
                  {p.caption}
                  {p.credit ? <span className="wire-photo-credit">{creditForReaders(p.credit)}</span> : null}
                  {p.rights ? <span className="wire-photo-rights muted">{p.rights}</span> : null}
                </figcaption>
              </figure>
            ))}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="wire-versions">
        <h2 id="wire-versions">Versions</h2>
        <ol className="wire-versions" reversed>
          {item.versions.map((v) => (
            <li key={v.version} data-testid="wire-version">
              <strong>Version {v.version}</strong> · {formatDateTime(v.receivedAt, timeZone)} · {WIRE_STATUS_LABELS[v.status]}
              {changesOf(v.changes).length ? (
                <ul>
                  {changesOf(v.changes).map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              ) : (
                <div className="muted">
                  {v.version === item.versions.at(-1)?.version ? "First version received." : "No change to the copy."}
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
