"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ArticleStatus } from "@/lib/db";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import { beatPresence, presenceUrl, type PresenceOther, type PresenceStory } from "../_editor/presence-client";

type Other = PresenceOther;
type Story = PresenceStory;

type Props = {
  articleId: string;
  timeZone: string;
  heartbeatMs: number;
  /** The story's status and version as this page was rendered. */
  status: ArticleStatus;
  version: number;
};

const time = (iso: string, timeZone: string) => new Date(iso).toLocaleTimeString("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" });

/**
 * Tells the editor who else has this story open ("Ana Ruiz is editing, since 14:02"), and what
 * someone else did to it meanwhile ("Ana Ruiz moved this story to Published at 14:05"), from a
 * heartbeat this page sends while it is open (lib/presence/presence.ts); says nothing when there
 * is nothing to say. A move refreshes the page's status and buttons; what was typed stays.
 */
export function PresenceBar({ articleId, timeZone, heartbeatMs, status, version }: Props) {
  const router = useRouter();
  const [others, setOthers] = useState<Other[]>([]);
  const [story, setStory] = useState<Story | null>(null);
  // A move someone else made, shown until the page is left.
  const [moved, setMoved] = useState<Story | null>(null);
  // The status the page shows now, for the heartbeat's answer to compare with.
  const shown = useRef(status);
  useEffect(() => {
    shown.current = status;
  }, [status]);
  useEffect(() => {
    const url = presenceUrl(articleId);
    let stopped = false;
    const beat = async () => {
      try {
        const body = await beatPresence(articleId);
        if (!body || stopped) return;
        setOthers(body.others);
        setStory(body.story);
        if (body.story.status !== shown.current) {
          if (!body.story.savedByYou) setMoved(body.story);
          router.refresh();
        }
      } catch {
        // Offline for a moment: the next beat tries again; the others' names stay as they were.
      }
    };
    void beat();
    const timer = setInterval(beat, heartbeatMs);
    const onVisible = () => document.visibilityState === "visible" && void beat();
    // Leaving the page (reload, another address, closing the tab) runs no React cleanup: say goodbye here too.
    const leave = () => void fetch(url, { method: "DELETE", keepalive: true }).catch(() => {});
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [articleId, heartbeatMs, router]);

  const savedElsewhere = story && !story.savedByYou && story.version > version && story.status === status && !moved;
  if (others.length === 0 && !moved && !savedElsewhere) return null;
  // Nobody's name when the scheduler moved it (or the person's account is gone).
  const who = (s: Story, what: string, plain: string) =>
    s.savedBy ? (
      <>
        <strong>{s.savedBy}</strong> {what}
      </>
    ) : (
      plain
    );
  return (
    <div className="presence-bar" role="status" data-testid="presence-bar">
      {moved ? (
        <p data-testid="story-moved">
          {who(moved, `moved this story to ${STATUS_LABELS[moved.status]}`, `This story moved to ${STATUS_LABELS[moved.status]}`)} at{" "}
          {time(moved.savedAt, timeZone)} while you had it open. The page shows where it is now; anything you had not saved is still in the
          form.
        </p>
      ) : null}
      {savedElsewhere ? (
        <p data-testid="story-saved-elsewhere">
          {who(story, "saved this story", "This story was saved")} at {time(story.savedAt, timeZone)} while you had it open. Your next save
          will stop and let you compare the two and choose what to keep.
        </p>
      ) : null}
      {others.map((o) => (
        <p key={o.userId}>
          <strong>{o.name}</strong> is editing, since {time(o.since, timeZone)}. Their saves and yours may cross: talk before you save.
        </p>
      ))}
    </div>
  );
}
