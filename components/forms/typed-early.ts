/**
 * Text typed into an admin page before its scripts have run (a slow network, a busy machine).
 * React 19 hydrates a textarea back to its server-rendered text, and keeps an input's typed text on
 * screen without telling a controlled field's state, so either way what was typed would be lost or
 * silently not saved. An inline script in the admin layout (typed-early-capture.tsx), run as the
 * HTML arrives, records the value of each field with an id as it is typed, until the page has
 * hydrated (TypedEarlyDone sets the global to null); forms adopt what it recorded for their
 * fields as they hydrate (useTypedEarly; the story editor, useTypedBeforeHydration).
 * Passwords, files and buttons are never recorded. Written out by hand: it runs before any bundle.
 */
export const TYPED_EARLY_GLOBAL = "__datelineTypedEarly";

export const TYPED_EARLY_SCRIPT = `(function(){var t=window.${TYPED_EARLY_GLOBAL}={};document.addEventListener("input",function(e){var f=e.target;if(window.${TYPED_EARLY_GLOBAL}!==t||!f||!f.id||typeof f.value!=="string"||/^(password|file|hidden|checkbox|radio|submit|button|reset|image)$/.test(f.type))return;t[f.id]=f.value},true)})()`;

/** What the script has recorded, by element id; null once the page has hydrated (or without the script). */
export function typedEarly(): Record<string, string> | null {
  return (window as unknown as Record<string, Record<string, string> | null | undefined>)[TYPED_EARLY_GLOBAL] ?? null;
}

/** Called once the page has hydrated: from then on React hears every keystroke itself. */
export function endTypedEarly() {
  (window as unknown as Record<string, unknown>)[TYPED_EARLY_GLOBAL] = null;
}
