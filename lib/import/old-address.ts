import { permanentRedirect } from "next/navigation";
import { resolveOldPath } from "./redirects";

/**
 * Called by a public page just before it answers not-found: an imported site's old address
 * (lib/import/redirects.ts) answers 308 to where its story, section, tag, byline or photo lives now.
 * Asked only when no live page matched, so a live page always wins.
 */
export async function redirectOldAddress(path: string): Promise<void> {
  const to = await resolveOldPath(path);
  if (to) permanentRedirect(to);
}
