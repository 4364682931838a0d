import type { ArticleStatus } from "@/lib/db";

/** lib/presence/presence.ts's answer to a heartbeat, as JSON: who else has the story open, and its state. */
export type PresenceOther = { userId: string; name: string; since: string };
export type PresenceStory = { status: ArticleStatus; version: number; savedAt: string; savedBy: string | null; savedByYou: boolean };

export const presenceUrl = (articleId: string) => `/api/admin/articles/${encodeURIComponent(articleId)}/presence`;

/** Says this editor has the story open, and answers who else has; null when the desk could not be reached. */
export async function beatPresence(articleId: string): Promise<{ others: PresenceOther[]; story: PresenceStory } | null> {
  const response = await fetch(presenceUrl(articleId), { method: "POST", headers: { "content-type": "application/json" } });
  return response.ok ? ((await response.json()) as { others: PresenceOther[]; story: PresenceStory }) : null;
}
