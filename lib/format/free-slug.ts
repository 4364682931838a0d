import { AppError } from "../errors";
import { slugifyAnyScript } from "./slug-any-script";

/** A unique slug from a name in any script: "maria-lopez", then "maria-lopez-2"… */
export async function freeSlug(name: string, taken: (slug: string) => Promise<boolean>) {
  const base = slugifyAnyScript(name) || "item";
  const { slug } = await slugForName(name, base, async (candidate) => ((await taken(candidate)) ? { name: null } : null));
  return slug;
}

/** Two names that are one for an address: the same letters and digits, in any case, whatever the punctuation. */
export function sameName(a: string, b: string): boolean {
  const key = (name: string) =>
    name
      .normalize("NFKC")
      .toLocaleLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
  return key(a) === key(b);
}

/**
 * The address of a named thing (a tag, an imported section) where names share one only when they
 * are one name: the first of "base", "base-2"… that is free or already holds the same name. Written
 * in Latin letters, different names can meet ("北京" and "背景" are both "beijing", "كتاب" and
 * "كتب" both "ktb"); "COVID-19" and "Covid 19" are one. `same` is the holder when it is the same.
 */
export async function slugForName<T extends { name: string | null }>(
  name: string,
  base: string,
  find: (slug: string) => Promise<T | null>,
): Promise<{ slug: string; same: T | null }> {
  for (let i = 1; i < 100; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    const holder = await find(slug);
    if (!holder) return { slug, same: null };
    // A holder without a name (freeSlug's "taken") is never the same.
    if (holder.name !== null && sameName(holder.name, name)) return { slug, same: holder };
  }
  throw new AppError("conflict", "Too many items share this name.");
}
