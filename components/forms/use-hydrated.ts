"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and while React hydrates it, true once the page's scripts run the
 * form. A form whose submit is handled by script must not be sent by the browser before then: it
 * would go as a plain GET, with what was typed (a password too) in the address.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
