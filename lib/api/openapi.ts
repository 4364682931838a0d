import { z } from "zod";
import { env } from "../env";
import * as out from "./schemas";
import * as desk from "./desk-schemas";
import { storyListQuerySchema } from "./public-reads";
import { WEBHOOK_EVENTS } from "../webhooks/events";

// The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with
// (requests: the desk's own schemas, read as their input; answers: lib/api/schemas.ts).

export type Operation = {
  method: "get" | "post" | "put";
  path: string;
  id: string;
  summary: string;
  description?: string;
  tag: "Stories" | "Sections, tags and bylines" | "Photos" | "Desk" | "Wire";
  /** The key it needs: any key (read), a read and write one (write), or a WIRE key only (wire). */
  key?: "read" | "write" | "wire";
  query?: z.ZodObject;
  pathParams?: string[];
  body?: { schema: z.ZodType; type?: "json" | "multipart" | "wire" };
  ok: { status: number; schema: z.ZodType; description: string };
  errors: number[];
};

const ERROR_TEXT: Record<number, string> = {
  304: "Not modified (If-None-Match matched the ETag).",
  401: "No API key, or an unknown or revoked one.",
  403: "The key may only read, or its user's role or the story's status does not allow this.",
  404: "Not found (or not visible to the key's user).",
  409: "Version conflict: someone saved in between (savedBy, savedAt, currentVersion say who and when; storyStatus, the story's status now).",
  410: "The story was published and has since been taken down (unpublished): remove your copy of it.",
  413: "The request body is larger than this address accepts (`detail` names the limit).",
  422: "Invalid input: `errors` holds the messages per field.",
  429: "Too many requests: wait for Retry-After seconds.",
};

const photoUpload = z
  .object({
    file: z.string().meta({ format: "binary" }).describe("JPEG, PNG, WebP, AVIF or GIF; checked by its bytes."),
    altText: z.string().optional(),
    caption: z.string().optional(),
    credit: z.string().optional(),
    agency: z.string().optional(),
    copyright: z.string().optional(),
    license: z.string().optional(),
  })
  .meta({ id: "PhotoUpload" });

/** A wire document as sent: its media type says which (issue 18). */
const wireDocument = z
  .string()
  .describe("One ninjs 2.x document (application/json), or a NewsML-G2 newsItem/newsMessage or RSS 2.0/Atom feed (application/xml).")
  .meta({ id: "WireDocument" });

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/stories",
    id: "listStories",
    tag: "Stories",
    summary: "List published stories",
    description: "Newest first. Filter by section, tag or byline slug and by change time; page with `cursor`.",
    query: storyListQuerySchema,
    ok: { status: 200, schema: out.storyListSchema, description: "A page of stories." },
    errors: [304, 422, 429],
  },
  {
    method: "get",
    path: "/api/v1/stories/{id}",
    id: "getStory",
    tag: "Stories",
    summary: "One published story by id",
    description: "With its body as the structured document and as the HTML readers get, its sources, corrections and photo credits.",
    pathParams: ["id"],
    ok: { status: 200, schema: out.storySchema, description: "The story." },
    errors: [304, 404, 410, 429],
  },
  {
    method: "get",
    path: "/api/v1/stories/by-address",
    id: "getStoryByAddress",
    tag: "Stories",
    summary: "One published story by its address",
    description:
      "`path` is the story's address on the site, such as `/world/a-story`, or its whole URL on this site; an old address of it is found too (one it had here, or a WordPress address it came from). A story taken down is 404 here; by id it is 410.",
    query: z.object({ path: z.string().describe("The story's address, such as /world/a-story.") }),
    ok: { status: 200, schema: out.storySchema, description: "The story." },
    errors: [304, 404, 422, 429],
  },
  {
    method: "get",
    path: "/api/v1/sections",
    id: "listSections",
    tag: "Sections, tags and bylines",
    summary: "Every section, in masthead order",
    ok: { status: 200, schema: out.sectionListSchema, description: "The sections." },
    errors: [304, 429],
  },
  {
    method: "get",
    path: "/api/v1/tags",
    id: "listTags",
    tag: "Sections, tags and bylines",
    summary: "The tags of published stories",
    ok: { status: 200, schema: out.tagListSchema, description: "The tags." },
    errors: [304, 429],
  },
  {
    method: "get",
    path: "/api/v1/bylines",
    id: "listBylines",
    tag: "Sections, tags and bylines",
    summary: "The bylines of published stories",
    ok: { status: 200, schema: out.bylineListSchema, description: "The bylines." },
    errors: [304, 429],
  },
  {
    method: "get",
    path: "/api/v1/photos/{id}",
    id: "getPhoto",
    tag: "Photos",
    summary: "A photo a published story shows",
    description: "Caption, credit, alt text, license, the URLs of every variant, and its Content Credentials (C2PA) summary.",
    pathParams: ["id"],
    ok: { status: 200, schema: out.photoSchema, description: "The photo." },
    errors: [304, 404, 429],
  },
  {
    method: "get",
    path: "/api/v1/desk/stories",
    id: "listDeskStories",
    tag: "Desk",
    key: "read",
    summary: "Stories the key's user sees on the desk",
    description: "Drafts, stories in review and scheduled ones included (writers: their own).",
    query: desk.deskStoryListQuerySchema,
    ok: { status: 200, schema: out.deskStoryListSchema, description: "A page of stories." },
    errors: [401, 403, 422, 429],
  },
  {
    method: "post",
    path: "/api/v1/desk/stories",
    id: "createStory",
    tag: "Desk",
    key: "write",
    summary: "Create a draft story",
    body: { schema: desk.deskCreateStorySchema },
    ok: { status: 201, schema: out.savedStorySchema, description: "Created." },
    errors: [401, 403, 409, 422, 429],
  },
  {
    method: "get",
    path: "/api/v1/desk/stories/{id}",
    id: "getDeskStory",
    tag: "Desk",
    key: "read",
    summary: "A story as the editor loads it",
    description: "Any status the key's user may see; `fields` is what a save takes back, with `version`.",
    pathParams: ["id"],
    ok: { status: 200, schema: out.deskStorySchema, description: "The story." },
    errors: [401, 403, 404, 429],
  },
  {
    method: "put",
    path: "/api/v1/desk/stories/{id}",
    id: "updateStory",
    tag: "Desk",
    key: "write",
    summary: "Save a story's fields",
    description:
      "Send the `version` you started from and the fields you change; fields left out keep their saved values. If someone saved in between, the answer is 409 with who and when. A live story's save is a material update or a minor fix (`materialUpdate`), and may not take away what the story needs to be live (its section, a byline, its body): that is 422.",
    pathParams: ["id"],
    body: { schema: desk.deskUpdateStorySchema },
    ok: { status: 200, schema: out.savedStorySchema, description: "Saved." },
    errors: [401, 403, 404, 409, 422, 429],
  },
  {
    method: "post",
    path: "/api/v1/desk/stories/{id}/transitions",
    id: "transitionStory",
    tag: "Desk",
    key: "write",
    summary: "Move a story through the workflow",
    description:
      "Submit for review (IN_REVIEW), schedule (SCHEDULED with scheduledFor), publish, unpublish (with a reason) or return to draft, as the user's role allows.",
    pathParams: ["id"],
    body: { schema: desk.deskTransitionSchema },
    ok: { status: 200, schema: out.savedStorySchema, description: "Moved." },
    errors: [401, 403, 404, 409, 422, 429],
  },
  {
    method: "post",
    path: "/api/v1/desk/stories/{id}/sources",
    id: "addSources",
    tag: "Desk",
    key: "write",
    summary: "Add sources to a story",
    pathParams: ["id"],
    body: { schema: desk.deskAddSourcesSchema },
    ok: { status: 200, schema: out.savedStorySchema, description: "Saved." },
    errors: [401, 403, 404, 409, 422, 429],
  },
  {
    method: "post",
    path: "/api/v1/desk/stories/{id}/corrections",
    id: "addCorrection",
    tag: "Desk",
    key: "write",
    summary: "Add a correction, clarification, update or editor's note",
    pathParams: ["id"],
    body: { schema: desk.deskCorrectionSchema },
    ok: { status: 201, schema: out.createdCorrectionSchema, description: "Added." },
    errors: [401, 403, 404, 409, 422, 429],
  },
  {
    method: "post",
    path: "/api/v1/desk/photos",
    id: "uploadPhoto",
    tag: "Desk",
    key: "write",
    summary: "Upload a photo",
    description: "Multipart form with the file in `file`; the same content checks, size and megapixel limits as the desk.",
    body: { schema: photoUpload, type: "multipart" },
    ok: { status: 201, schema: out.createdPhotoSchema, description: "Stored (200 when the same file was there already)." },
    errors: [401, 403, 422, 429],
  },
  {
    method: "get",
    path: "/api/v1/desk/bylines",
    id: "listDeskBylines",
    tag: "Desk",
    key: "read",
    summary: "Every byline, with its id",
    description: "On a published story or not (the open `/api/v1/bylines` lists only those): a story's `authorIds` take these ids.",
    ok: { status: 200, schema: out.bylineListSchema, description: "The bylines." },
    errors: [401, 403, 429],
  },
  {
    method: "post",
    path: "/api/v1/desk/bylines",
    id: "createByline",
    tag: "Desk",
    key: "write",
    summary: "Add a byline",
    description:
      "A name, a title and its kind (PERSON, or ORGANIZATION for a news agency, a desk or staff), as the editor's “New byline” takes them.",
    body: { schema: desk.deskCreateBylineSchema },
    ok: { status: 201, schema: out.createdRefSchema, description: "Added." },
    errors: [401, 403, 422, 429],
  },
  {
    method: "get",
    path: "/api/v1/desk/tags",
    id: "listDeskTags",
    tag: "Desk",
    key: "read",
    summary: "Every tag, with its id",
    description: "On a published story or not (the open `/api/v1/tags` lists only those): a story's `tagIds` take these ids.",
    ok: { status: 200, schema: out.tagListSchema, description: "The tags." },
    errors: [401, 403, 429],
  },
  {
    method: "post",
    path: "/api/v1/desk/tags",
    id: "createTag",
    tag: "Desk",
    key: "write",
    summary: "Find a tag by its name, or add it",
    description:
      "As the editor's tag field does: a name that differs from an existing tag's only in letter case or punctuation (“COVID-19”, “covid 19”) is that tag (200); a new one is added (201).",
    body: { schema: desk.deskCreateTagSchema },
    ok: { status: 201, schema: out.createdRefSchema, description: "Added (200 when a tag of that name was there already)." },
    errors: [401, 403, 422, 429],
  },
  {
    method: "post",
    path: "/api/v1/wire/items",
    id: "pushWireItems",
    tag: "Wire",
    key: "wire",
    summary: "Push wire copy to the wire desk",
    description:
      "API keys of the WIRE scope only (a READ or READ_WRITE key is refused with 403). Items are stored by GUID and version: a newer version replaces the stored one and records what changed, an older or the same version is `ignored`; a kill or withdrawal (ninjs pubstatus canceled/withheld, NewsML-G2 stat:canceled/stat:withheld) flags every story taken from the item. Nothing is published. Up to 3 MB.",
    body: { schema: wireDocument, type: "wire" },
    ok: { status: 201, schema: out.wirePushResultSchema, description: "Stored (200 when every item was an older or the same version)." },
    errors: [401, 403, 422, 429],
  },
];

function componentSchemas() {
  const convert = (io: "input" | "output") =>
    z.toJSONSchema(z.globalRegistry, { target: "draft-2020-12", io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` })
      .schemas;
  const input = convert("input");
  const output = convert("output");
  const requestIds = new Set(OPERATIONS.flatMap((o) => (o.body ? [schemaId(o.body.schema)] : [])));
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(output)) {
    const chosen = { ...(requestIds.has(id) ? input[id] : schema) } as Record<string, unknown>;
    delete chosen.$schema;
    delete chosen.$id;
    schemas[id] = chosen;
  }
  return schemas;
}

function schemaId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("An OpenAPI schema needs .meta({ id })");
  return id;
}
const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${schemaId(schema)}` });

function queryParameters(query: z.ZodObject) {
  const json = z.toJSONSchema(query, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: "query", required: json.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

/**
 * The error statuses an operation answers: its own, and 413 for any with a body, which can be
 * larger than its address accepts (refused before the route runs: lib/security/body-limit.ts).
 */
export function errorStatuses(op: Pick<Operation, "errors" | "body">): number[] {
  return op.body ? [...new Set([...op.errors, 413])].sort((a, b) => a - b) : op.errors;
}

/** The OpenAPI 3.1 document of /api/v1. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {
      [op.ok.status]: { description: op.ok.description, content: { "application/json": { schema: ref(op.ok.schema) } } },
    };
    for (const status of errorStatuses(op)) {
      responses[status] =
        status === 304
          ? { description: ERROR_TEXT[304] }
          : { description: ERROR_TEXT[status], content: { "application/problem+json": { schema: ref(out.problemSchema) } } };
    }
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.id,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      security: op.key ? [{ apiKey: [] }] : [],
      parameters: [
        ...(op.pathParams ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
        ...(op.query ? queryParameters(op.query) : []),
      ],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content:
                op.body.type === "wire"
                  ? { "application/json": { schema: ref(op.body.schema) }, "application/xml": { schema: ref(op.body.schema) } }
                  : { [op.body.type === "multipart" ? "multipart/form-data" : "application/json"]: { schema: ref(op.body.schema) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Dateline content API",
      version: "1.0.0",
      description:
        "Published stories, sections, tags, bylines and photos for anyone (no key, cached, rate-limited per address); the desk's stories and writes for programs with an API key an admin gave them, acting as the key's user with that user's permissions. Errors are RFC 9457 problem documents. Webhook events: " +
        WEBHOOK_EVENTS.join(", ") +
        ".",
    },
    servers: [{ url: env.DATELINE_SITE_URL.replace(/\/$/, "") }],
    tags: [
      { name: "Stories" },
      { name: "Sections, tags and bylines" },
      { name: "Photos" },
      { name: "Desk", description: "API key required: `Authorization: Bearer dl_…`." },
      { name: "Wire", description: "The wire desk's push: an API key of the WIRE scope." },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key from /admin/api-keys (`dl_…`)." } },
    },
  };
}
