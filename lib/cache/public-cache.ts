import { unstable_cache } from "next/cache";
import { PUBLIC_REVALIDATE_SECONDS } from "./tags";

// Not 'use cache': it needs cacheComponents, under which Next 16.4.6 answers every notFound(),
// forbidden() and redirect thrown by a page with a 200 (vercel/next.js#98518; README, "Readers'
// pages and caching"). unstable_cache keeps working there, and moving off it is optional.
// unstable_cache stores JSON, so Dates and Maps are wrapped on the way in and restored on the way out.
type Encoded = { $date: string } | { $map: [unknown, unknown][] };

function encode(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() } satisfies Encoded;
  if (value instanceof Map) return { $map: [...value.entries()].map(([k, v]) => [k, encode(v)]) } satisfies Encoded;
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    if ("$date" in value && typeof value.$date === "string") return new Date(value.$date);
    if ("$map" in value && Array.isArray(value.$map)) return new Map((value.$map as [unknown, unknown][]).map(([k, v]) => [k, decode(v)]));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/** Thrown inside a cached read that found nothing: a thrown result is not kept. */
class NothingToKeep extends Error {}

/**
 * Caches a public read under `name` + its arguments, tagged so that a publish, edit,
 * correction or unpublish expires exactly the entries (and the pages) that show the story.
 * A read that finds nothing (null) is not kept: a reader inventing addresses must not fill the cache.
 */
export function publicCache<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>, tagsFor: (...args: A) => string[]) {
  return async (...args: A): Promise<R> => {
    const run = unstable_cache(
      async () => {
        const value = await fn(...args);
        if (value === null) throw new NothingToKeep();
        return encode(value);
      },
      [name, JSON.stringify(args)],
      { tags: tagsFor(...args), revalidate: PUBLIC_REVALIDATE_SECONDS },
    );
    try {
      return decode(await run()) as R;
    } catch (error) {
      if (error instanceof NothingToKeep) return null as R;
      throw error;
    }
  };
}
