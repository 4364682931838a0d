// npm run bench:import:generate -- [--posts 10000] [--photos 2000] [--out /tmp/dateline-wxr]
// Writes a WordPress export (WXR 1.2) of N posts and the uploads folder of its photos, for the
// import benchmark (bench/import.ts) and for trying the import on an archive of a real size. The
// file is written as a stream, post by post; photos are small real JPEGs, each one different.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { WIRE_STORY } from "../lib/seed/wire-story";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "10000" },
    photos: { type: "string", default: "2000" },
    out: { type: "string", default: "/tmp/dateline-wxr" },
  },
});
const POSTS = Number(values.posts);
const PHOTOS = Number(values.photos);
const out = path.resolve(values.out!);
const SITE = "https://bench.example";

const cdata = (s: string) => `<![CDATA[${s.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const pad = (n: number) => String(n).padStart(2, "0");

export async function generate() {
  fs.mkdirSync(path.join(out, "uploads"), { recursive: true });
  const file = fs.createWriteStream(path.join(out, "export.xml"));
  const write = (s: string) => (file.write(s) ? Promise.resolve() : new Promise<void>((r) => file.once("drain", () => r())));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench Herald</title><link>${SITE}</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${SITE}</wp:base_site_url><wp:base_blog_url>${SITE}</wp:base_blog_url>
`);
  for (let a = 1; a <= 8; a++)
    await write(
      `<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`writer${a}`)}</wp:author_login><wp:author_display_name>${cdata(`Writer Number ${a}`)}</wp:author_display_name></wp:author>\n`,
    );
  for (let c = 1; c <= 12; c++)
    await write(
      `<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename>${cdata(`desk-${c}`)}</wp:category_nicename><wp:category_parent>${cdata(c > 8 ? `desk-${c - 8}` : "")}</wp:category_parent><wp:cat_name>${cdata(`Desk ${c}`)}</wp:cat_name></wp:category>\n`,
    );
  for (let t = 1; t <= 200; t++)
    await write(
      `<wp:tag><wp:term_id>${100 + t}</wp:term_id><wp:tag_slug>${cdata(`topic-${t}`)}</wp:tag_slug><wp:tag_name>${cdata(`Topic ${t}`)}</wp:tag_name></wp:tag>\n`,
    );

  // Photos first: attachments, and their files in the uploads folder.
  for (let p = 1; p <= PHOTOS; p++) {
    const rel = `2025/${pad((p % 12) + 1)}/photo-${p}.jpg`;
    const target = path.join(out, "uploads", rel);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const color = { r: (p * 37) % 256, g: (p * 91) % 256, b: (p * 53) % 256 };
      fs.writeFileSync(
        target,
        await sharp({ create: { width: 640, height: 427, channels: 3, background: color } })
          .jpeg({ quality: 70 })
          .toBuffer(),
      );
    }
    const parent = (p - 1) * Math.floor(POSTS / Math.max(1, PHOTOS)) + 1;
    await write(`<item><title>${cdata(`photo-${p}`)}</title><link>${SITE}/?attachment_id=${100000 + p}</link><dc:creator>${cdata("writer1")}</dc:creator>
<content:encoded>${cdata("")}</content:encoded><excerpt:encoded>${cdata(`Caption of photo ${p}, on the harbour.`)}</excerpt:encoded>
<wp:post_id>${100000 + p}</wp:post_id><wp:post_parent>${parent}</wp:post_parent><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>${SITE}/wp-content/uploads/${rel}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>${cdata(rel)}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${cdata(`A harbour scene, number ${p}.`)}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_media_credit</wp:meta_key><wp:meta_value>${cdata(`Photographer ${p % 17}/Bench Wire`)}</wp:meta_value></wp:postmeta></item>\n`);
  }

  const statuses = ["publish", "publish", "publish", "publish", "publish", "publish", "publish", "draft", "pending", "private"];
  for (let i = 1; i <= POSTS; i++) {
    const when = new Date(Date.UTC(2015, 0, 1) + i * 3_600_000 * 7);
    const d = `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())} ${pad(when.getUTCHours())}:00:00`;
    const slug = `bench-post-${i}`;
    const photo = PHOTOS ? ((i - 1) % PHOTOS) + 1 : 0;
    const paragraphs = WIRE_STORY.paragraphs.slice(0, 6 + (i % 9));
    const inline =
      photo && i % 3 === 0
        ? `<!-- wp:image {"id":${100000 + photo}} -->\n<figure class="wp-block-image"><img src="${SITE}/wp-content/uploads/2025/${pad((photo % 12) + 1)}/photo-${photo}-300x200.jpg" alt="" class="wp-image-${100000 + photo}"/><figcaption>Inline photo.</figcaption></figure>\n<!-- /wp:image -->\n`
        : "";
    const content =
      paragraphs
        .map(
          (p, k) =>
            `<!-- wp:paragraph -->\n<p>${k === 1 ? `<a href="https://example.org/${i}">${p}</a>` : p}</p>\n<!-- /wp:paragraph -->\n`,
        )
        .join("\n") +
      `<!-- wp:heading -->\n<h2>Background</h2>\n<!-- /wp:heading -->\n<!-- wp:list -->\n<ul><li>One</li><li>Two</li></ul>\n<!-- /wp:list -->\n` +
      inline;
    await write(`<item><title>${cdata(`Bench post ${i}: “The sea has already decided” … ${i % 97}`)}</title>
<link>${SITE}/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${slug}/</link><dc:creator>${cdata(`writer${(i % 8) + 1}`)}</dc:creator>
<guid isPermaLink="false">${SITE}/?p=${i}</guid><content:encoded>${cdata(content)}</content:encoded><excerpt:encoded>${cdata(`Excerpt of post ${i}.`)}</excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date>${cdata(d)}</wp:post_date><wp:post_date_gmt>${cdata(d)}</wp:post_date_gmt><wp:post_modified_gmt>${cdata(d)}</wp:post_modified_gmt>
<wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata(statuses[i % statuses.length]!)}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
<category domain="category" nicename="desk-${(i % 12) + 1}">${cdata(`Desk ${(i % 12) + 1}`)}</category>
<category domain="post_tag" nicename="topic-${(i % 200) + 1}">${cdata(`Topic ${(i % 200) + 1}`)}</category>
<category domain="post_tag" nicename="topic-${((i * 7) % 200) + 1}">${cdata(`Topic ${((i * 7) % 200) + 1}`)}</category>
${photo && i % 2 === 0 ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${100000 + photo}</wp:meta_value></wp:postmeta>` : ""}</item>\n`);
  }
  await write("</channel>\n</rss>\n");
  await new Promise<void>((resolve) => file.end(resolve));
  return { file: path.join(out, "export.xml"), uploads: path.join(out, "uploads") };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await generate();
  console.log(`Wrote ${result.file} (${(fs.statSync(result.file).size / 1e6).toFixed(1)} MB) and ${PHOTOS} photos in ${result.uploads}`);
}
