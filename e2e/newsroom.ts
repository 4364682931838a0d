// Helpers for the issue 20 specs (front page, working together, draft links): stories made through
// the real Server Actions, as a given role, and read back from the e2e database.
import type { APIRequestContext, Browser } from "@playwright/test";
import { request as playwrightRequest } from "@playwright/test";
import { E2E_URL, storageStatePath, type RoleName } from "./env";
import { readDatabase } from "./database";
import { actionOutcome, callServerAction, serverActionsInBuild } from "./server-actions";
import { adminHydrated, clientAddress, newContext, unique } from "./fixtures";
import { bodyFromParagraphs } from "../lib/articles/body";

export function apiAs(role: RoleName): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: E2E_URL,
    storageState: storageStatePath(role),
    extraHTTPHeaders: { "X-Forwarded-For": clientAddress() },
  });
}

const action = (name: string) => serverActionsInBuild().find((a) => a.name === name)!;

export type Story = { id: string; slug: string; headline: string; section: string; version: number };

export function readStory(id: string): Story {
  return readDatabase((db) =>
    db
      .prepare(
        "SELECT a.id, a.slug, a.headline, a.version, s.slug AS section FROM Article a LEFT JOIN Section s ON s.id = a.sectionId WHERE a.id = ?",
      )
      .get(id),
  ) as Story;
}

/** The story editor of `story`, open and hydrated in a new browser signed in as `role` (close its context when done). */
export async function openStory(browser: Browser, role: RoleName, story: Pick<Story, "id">) {
  const context = await newContext(browser, { storageState: storageStatePath(role) });
  const page = await context.newPage();
  await page.goto(`/admin/articles/${story.id}`);
  await adminHydrated(page);
  return { context, page };
}

/** Moves a story through the workflow as `api`'s user; throws unless it went through. */
export async function move(api: APIRequestContext, story: Story, to: string, extra: Record<string, unknown> = {}): Promise<Story> {
  const fresh = readStory(story.id);
  const result = await callServerAction(api, `/admin/articles/${story.id}`, action("transitionArticleAction"), {
    id: story.id,
    version: fresh.version,
    to,
    reason: "",
    ...extra,
  });
  if (actionOutcome(result.body) !== "ok") throw new Error(`move to ${to} failed: ${result.body.slice(0, 300)}`);
  return readStory(story.id);
}

/** A story ready to publish (World, the first seeded byline), created as `api`'s user and moved to `status`. */
export async function makeStory(
  api: APIRequestContext,
  headline: string,
  status: "DRAFT" | "IN_REVIEW" | "PUBLISHED" = "DRAFT",
  options: {
    /** A library photo (its id) as the story's hero. */
    hero?: string;
    dek?: string;
    dateline?: string;
    paragraphs?: string[];
    /** The address; by default the headline's Latin letters and digits, made unique. */
    slug?: string;
  } = {},
): Promise<Story> {
  const { section, author } = readDatabase((db) => ({
    section: db.prepare("SELECT id FROM Section WHERE slug = 'world'").pluck().get() as string,
    author: db.prepare("SELECT id FROM Author ORDER BY name LIMIT 1").pluck().get() as string,
  }));
  const slug =
    options.slug ??
    `${headline
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}-${unique()}`;
  const created = await callServerAction(api, "/admin/articles/new", action("createArticleAction"), {
    headline,
    slug,
    dek: options.dek ?? "Made by an end-to-end test.",
    ...(options.dateline ? { dateline: options.dateline } : {}),
    sectionId: section,
    authorIds: [author],
    body: bodyFromParagraphs(options.paragraphs ?? ["“We are ready,” an official said.", "A second paragraph."]),
    ...(options.hero ? { hero: { imageId: options.hero } } : {}),
  });
  if (actionOutcome(created.body) !== "ok") throw new Error(`create failed: ${created.body.slice(0, 300)}`);
  const id = readDatabase((db) => db.prepare("SELECT id FROM Article WHERE slug = ?").pluck().get(slug)) as string;
  let story = readStory(id);
  if (status !== "DRAFT") story = await move(api, story, status);
  return story;
}

/** The headlines of the public front page's top list, in order. */
export async function frontHeadlines(page: {
  goto: (u: string) => Promise<unknown>;
  locator: (s: string) => { allInnerTexts: () => Promise<string[]> };
}) {
  await page.goto("/");
  return page.locator("section[aria-labelledby=latest-heading] .article-card h3").allInnerTexts();
}
