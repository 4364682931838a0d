/**
 * An inline script in the editor's page (typed-early.tsx), run as the HTML arrives: it records
 * what is typed into the editor's fields until the page's scripts have run and React has taken
 * over (use-typed-before-hydration.ts), because React puts a textarea's server-rendered text
 * back when it hydrates. Written out by hand: it runs before any bundle.
 */
export const TYPED_EARLY_GLOBAL = "__datelineTypedEarly";

export const TYPED_EARLY_SCRIPT = `(function(){var t=window.${TYPED_EARLY_GLOBAL}={};document.addEventListener("input",function(e){var f=e.target;if(window.${TYPED_EARLY_GLOBAL}===t&&f&&f.id&&typeof f.value==="string")t[f.id]=f.value},true)})()`;
