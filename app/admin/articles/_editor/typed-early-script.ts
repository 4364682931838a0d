/**
 * The element id of each of the editor's plain fields: article-form.tsx and seo-fields.tsx render
 * them with these ids, and the inline script below records typing by them, so a renamed field
 * cannot drop out of the capture unnoticed.
 */
export const EDITOR_FIELD_IDS = {
  headline: "headline",
  dek: "dek",
  slug: "slug",
  dateline: "dateline",
  sectionId: "section",
  seoTitle: "seo-title",
  seoDescription: "seo-description",
  canonicalUrl: "canonical",
} as const;

/** The fields the capture records, as [element id, field] (use-typed-before-hydration.ts). */
export const TYPED_EARLY_FIELDS = Object.entries(EDITOR_FIELD_IDS).map(([key, id]) => [id, key]) as [
  (typeof EDITOR_FIELD_IDS)[keyof typeof EDITOR_FIELD_IDS],
  keyof typeof EDITOR_FIELD_IDS,
][];

export const TYPED_EARLY_GLOBAL = "__datelineTypedEarly";

/**
 * An inline script in the editor's page (typed-early.tsx), run as the HTML arrives: it records
 * what is typed into those fields, and nothing else, until the page's scripts have run and React
 * has taken over (use-typed-before-hydration.ts sets the global to null). Written out by hand: it
 * runs before any bundle.
 */
export const TYPED_EARLY_SCRIPT = `(function(){var ids=${JSON.stringify(TYPED_EARLY_FIELDS.map(([id]) => id))},t=window.${TYPED_EARLY_GLOBAL}={};document.addEventListener("input",function(e){var f=e.target;if(window.${TYPED_EARLY_GLOBAL}===t&&f&&ids.indexOf(f.id)>=0&&typeof f.value==="string")t[f.id]=f.value},true)})()`;
