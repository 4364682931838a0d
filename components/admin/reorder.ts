"use client";

import { useEffect, useRef } from "react";

/** `list` with the item at `from` moved to `to`. */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * Keeps keyboard focus on a Move button after its item moved (React re-renders the list, and the
 * button would otherwise lose focus): call `keep(id, direction)` before the move, or when the
 * server said it could not move (the page was out of date: the refreshed list moves it anyway).
 * When the button became disabled (the item reached the top or bottom), the other direction's
 * button gets focus.
 */
export function useKeptFocus(prefix: string, deps: unknown) {
  const pending = useRef<{ id: string; direction: "up" | "down" } | null>(null);
  useEffect(() => {
    const want = pending.current;
    pending.current = null;
    if (!want) return;
    // Only when the move took the focus away (its row was moved, or its button disabled): never
    // from wherever the keyboard has gone since (Tab pressed before the refreshed list came).
    const active = document.activeElement as HTMLButtonElement | null;
    if (active && active !== document.body && !active.disabled) return;
    const find = (d: string) => document.getElementById(`${prefix}-${d}-${want.id}`) as HTMLButtonElement | null;
    const button = find(want.direction);
    (button && !button.disabled ? button : find(want.direction === "up" ? "down" : "up"))?.focus();
  }, [prefix, deps]);
  return (id: string, direction: "up" | "down") => {
    pending.current = { id, direction };
  };
}
