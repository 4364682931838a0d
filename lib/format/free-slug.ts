import { AppError } from "../errors";
import { slugifyAnyScript } from "./slug-any-script";

/** A unique slug from a name in any script: "maria-lopez", then "maria-lopez-2"… */
export async function freeSlug(name: string, taken: (slug: string) => Promise<boolean>) {
  const base = slugifyAnyScript(name) || "item";
  for (let i = 1; i < 100; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await taken(slug))) return slug;
  }
  throw new AppError("conflict", "Too many items share this name.");
}
