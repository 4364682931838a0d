import type { ReactNode } from "react";
import type { ArticleStatus } from "@/lib/db";
import { env } from "@/lib/env";
import { openReturnNotes } from "@/lib/articles/return-note";
import { defaultDraftLinkExpiry, listDraftLinks } from "@/lib/draft-links/queries";
import { HEARTBEAT_MS } from "@/lib/presence/presence";
import { formatDateTime, utcToZonedLocal } from "@/lib/format/time";
import { PresenceBar } from "./presence-bar";
import { ReturnNoteNotice } from "./return-note-notice";
import { DraftLinksPanel } from "./draft-links-panel";

type Props = {
  articleId: string;
  /** The story's status and version as the page was rendered. */
  status: ArticleStatus;
  version: number;
  timeZone: string;
  shareDrafts: boolean;
  children: ReactNode;
};

/** Around the editor: who else has the story open, the note it was returned with, and (editors) its draft links. */
export async function StoryCollaboration({ articleId, status, version, timeZone, shareDrafts, children }: Props) {
  const [notes, drafts] = await Promise.all([openReturnNotes([articleId]), shareDrafts ? listDraftLinks(articleId) : null]);
  const note = notes.get(articleId);
  const fmt = (d: Date) => formatDateTime(d, timeZone);
  return (
    <>
      <PresenceBar articleId={articleId} status={status} version={version} timeZone={timeZone} heartbeatMs={HEARTBEAT_MS} />
      {note ? <ReturnNoteNotice note={note} timeZone={timeZone} /> : null}
      {children}
      {drafts ? (
        <DraftLinksPanel
          articleId={articleId}
          timeZone={timeZone}
          origin={env.DATELINE_SITE_URL.replace(/\/$/, "")}
          defaultExpires={utcToZonedLocal(defaultDraftLinkExpiry(), timeZone)}
          refused={drafts.refused}
          links={drafts.links.map((l) => ({
            id: l.id,
            label: l.label,
            createdBy: l.createdBy,
            created: fmt(l.createdAt),
            expires: fmt(l.expiresAt),
            state: l.state,
            views: l.views,
            lastViewed: l.lastViewedAt ? fmt(l.lastViewedAt) : null,
          }))}
        />
      ) : null}
    </>
  );
}
