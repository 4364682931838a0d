/** The editor's plain fields, by the id of the element that holds each (use-typed-before-hydration.ts). */
export const TYPED_EARLY_FIELDS = [
  ["headline", "headline"],
  ["dek", "dek"],
  ["slug", "slug"],
  ["dateline", "dateline"],
  ["section", "sectionId"],
  ["seo-title", "seoTitle"],
  ["seo-description", "seoDescription"],
  ["canonical", "canonicalUrl"],
] as const;

export const TYPED_EARLY_GLOBAL = "__datelineTypedEarly";

/**
 * An inline script in the editor's page (typed-early.tsx), run as the HTML arrives: it records
 * what is typed into those fields, and nothing else, until the page's scripts have run and React
 * has taken over (use-typed-before-hydration.ts sets the global to null). Written out by hand: it
 * runs before any bundle.
 */
export const TYPED_EARLY_SCRIPT = `(function(){var ids=${JSON.stringify(TYPED_EARLY_FIELDS.map(([id]) => id))},t=window.${TYPED_EARLY_GLOBAL}={};document.addEventListener("input",function(e){var f=e.target;if(window.${TYPED_EARLY_GLOBAL}===t&&f&&ids.indexOf(f.id)>=0&&typeof f.value==="string")t[f.id]=f.value},true)})()`;
