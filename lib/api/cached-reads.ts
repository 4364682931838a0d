import { AsyncLocalStorage } from "node:async_hooks";
import { tags } from "../cache/tags";
import { env } from "../env";
import { publicCache } from "../cache/public-cache";
import { takeRequest } from "./rate-limit";
import {
  getPublicPhoto,
  getPublicStoryById,
  getPublicStoryByPath,
  listApiBylines,
  listPublicSections,
  listPublicStories,
  listApiTags,
  type StoryListQuery,
} from "./public-reads";

const state = globalThis as unknown as { datelineApiClient?: AsyncLocalStorage<{ ip: string | null }> };
/** The client address of the read API request being served (lib/api/handler.ts sets it). */
export const apiClient = (state.datelineApiClient ??= new AsyncLocalStorage<{ ip: string | null }>());

/**
 * The open read API's reads, through the same tagged data cache as the readers' pages
 * (lib/public-cache.ts): a publish, edit, correction or unpublish expires exactly these entries
 * with the pages. Only a miss does work, so only a miss counts against the client address's rate
 * limit (DATELINE_API_READ_RATE a minute, counted in the database for every process). Without a
 * trustworthy address (plain `next start`, lib/auth/client-ip.ts) misses are not limited.
 */
function apiCache<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>, tagsFor: (...args: A) => string[]) {
  return publicCache(
    `api:${name}`,
    async (...args: A) => {
      const ip = apiClient.getStore()?.ip;
      if (ip) await takeRequest(`ip:${ip}`, env.DATELINE_API_READ_RATE);
      return fn(...args);
    },
    tagsFor,
  );
}

/** The tags a filtered list shows: every live change expires `front`; filters add their own. */
export const storyListTags = (q: StoryListQuery) => [
  tags.front,
  ...(q.section ? [tags.section(q.section)] : []),
  ...(q.byline ? [tags.author(q.byline)] : []),
  ...(q.tag ? [tags.tag(q.tag)] : []),
];

export const readStoryList = apiCache("stories", (q: StoryListQuery) => listPublicStories(q), storyListTags);
// By id or address the story's slug is not known before the read: the entry is tagged after it
// (readStoryBySlug below is the one that carries the story's tag) and expires with front.
export const readStoryById = apiCache(
  "story-id",
  (id: string) => getPublicStoryById(id),
  () => [tags.front],
);
export const readStoryByPath = apiCache(
  "story-path",
  (path: string) => getPublicStoryByPath(path),
  (address) => [tags.front, tags.story(address.split("?")[0]!.split("/").filter(Boolean).at(-1) ?? "")],
);
export const readSections = apiCache(
  "sections",
  () => listPublicSections(),
  () => [tags.sections],
);
export const readTags = apiCache(
  "tags",
  () => listApiTags(),
  () => [tags.front],
);
export const readBylines = apiCache(
  "bylines",
  () => listApiBylines(),
  () => [tags.front],
);
export const readPhoto = apiCache(
  "photo",
  (id: string) => getPublicPhoto(id),
  () => [tags.front],
);
