// WordPress exports for the import tests, each of a site of its own.

/**
 * An export of its own site: a byline, a category, a tag, two photos (`<label>/quay.jpg` and
 * `<label>/harbour.jpg` in its uploads) and `postCount` drafts, with names, slugs and old addresses no
 * other test's import has: the harrow fixture's would take the addresses, slugs, sections and
 * bylines that lib/import/wordpress/wordpress.int.test.ts expects to be free (its tests failed
 * whenever a file that imported it ran first). WordPress ids start at `id`; a test file keeps
 * its own hundreds, as old addresses such as /?p=<id> are the whole site's.
 */
export function siteExport(label: string, id: number, postCount: number): string {
  const site = `https://${label}.example`;
  const cdata = (text: string) => `<![CDATA[${text}]]>`;
  const meta = (key: string, value: string) =>
    `<wp:postmeta><wp:meta_key>${cdata(key)}</wp:meta_key><wp:meta_value>${cdata(value)}</wp:meta_value></wp:postmeta>`;
  const photos = ["quay", "harbour"].map(
    (name, n) => `<item>
  <title>${cdata(`${label} ${name}`)}</title>
  <link>${site}/${label}-${name}/</link>
  <dc:creator>${cdata(`${label}-writer`)}</dc:creator>
  <excerpt:encoded>${cdata(`The ${name} at ${label}.`)}</excerpt:encoded>
  <wp:post_id>${id + n}</wp:post_id>
  <wp:post_name>${cdata(`${label}-${name}`)}</wp:post_name>
  <wp:status>${cdata("inherit")}</wp:status>
  <wp:post_parent>0</wp:post_parent>
  <wp:post_type>${cdata("attachment")}</wp:post_type>
  <wp:attachment_url>${cdata(`${site}/wp-content/uploads/${label}/${name}.jpg`)}</wp:attachment_url>
  ${meta("_wp_attached_file", `${label}/${name}.jpg`)}
  ${meta("_wp_attachment_image_alt", `The ${name} at ${label} in the rain.`)}
  ${meta("_media_credit", "Test Photographer/Test Agency")}
</item>`,
  );
  const posts = Array.from(
    { length: postCount },
    (_, n) => `<item>
  <title>${cdata(`${label} story ${n + 1}`)}</title>
  <link>${site}/${label}/story-${n + 1}/</link>
  <dc:creator>${cdata(`${label}-writer`)}</dc:creator>
  <guid isPermaLink="false">${site}/?p=${id + 10 + n}</guid>
  <content:encoded>${cdata(`<p>Paragraph ${n + 1} of the ${label} archive.</p>`)}</content:encoded>
  <excerpt:encoded>${cdata("")}</excerpt:encoded>
  <wp:post_id>${id + 10 + n}</wp:post_id>
  <wp:post_date_gmt>${cdata("2001-01-01 09:00:00")}</wp:post_date_gmt>
  <wp:post_name>${cdata(`${label}-story-${n + 1}`)}</wp:post_name>
  <wp:status>${cdata("draft")}</wp:status>
  <wp:post_type>${cdata("post")}</wp:post_type>
  <category domain="category" nicename="${label}-desk">${cdata(`${label} desk`)}</category>
  <category domain="post_tag" nicename="${label}-tag">${cdata(`${label} tag`)}</category>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>${label}</title>
<link>${site}</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${site}</wp:base_site_url>
<wp:base_blog_url>${site}</wp:base_blog_url>
<wp:author><wp:author_id>${id}</wp:author_id><wp:author_login>${cdata(`${label}-writer`)}</wp:author_login><wp:author_display_name>${cdata(`${label} Writer`)}</wp:author_display_name></wp:author>
<wp:category><wp:term_id>${id}</wp:term_id><wp:category_nicename>${cdata(`${label}-desk`)}</wp:category_nicename><wp:category_parent>${cdata("")}</wp:category_parent><wp:cat_name>${cdata(`${label} desk`)}</wp:cat_name></wp:category>
<wp:tag><wp:term_id>${id + 1}</wp:term_id><wp:tag_slug>${cdata(`${label}-tag`)}</wp:tag_slug><wp:tag_name>${cdata(`${label} tag`)}</wp:tag_name></wp:tag>
${[...photos, ...posts].join("\n")}
</channel>
</rss>
`;
}
