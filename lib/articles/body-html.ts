import { htmlEscape } from "../format/text";
import { datelinePlacement, type BlockNode, type BodyDoc, type ListNode, type Mark, type ParagraphNode } from "./body";
import type { Figure } from "./dto";
import { creditLabel } from "../media/schema";

/**
 * A story's body as the HTML string readers get, for the content API (route handlers run in React's
 * server-component layer, where react-dom/server cannot run). It writes exactly what
 * components/article/body-renderer.tsx renders with react-dom: the same elements, attributes and
 * escaping. `body-html.test.tsx` renders a corpus (hostile text, every node and mark, photos) both
 * ways and requires the two to be byte for byte the same, so there is one body format on the
 * page and in the API, and a change to one that is not made to the other fails the test.
 */
export function bodyToHtml(body: BodyDoc, figures: Map<string, Figure> = new Map(), dateline?: string | null): string {
  // The dateline leads the first paragraph with text ("KYIV, Ukraine — …"), or stands alone (datelinePlacement).
  const { place, lead } = datelinePlacement(body, dateline);
  const alone = place && lead < 0 ? `<p dir="auto"><span class="dateline" dir="auto">${escape(place)}</span></p>` : "";
  const blocks = body.content.map((node, i) =>
    i === lead && node.type === "paragraph"
      ? `<p dir="auto"><span class="dateline" dir="auto">${escape(place)} —</span> ${inline(node.content)}</p>`
      : block(node, figures),
  );
  return `<div class="article-body">${alone}${blocks.join("")}</div>`;
}

/** React's escaping of text and attribute values. */
const escape = htmlEscape;

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => ` ${name}="${escape(String(v))}"`)
    .join("");
}

function withMark(mark: Mark, child: string): string {
  switch (mark.type) {
    case "bold":
      return `<strong>${child}</strong>`;
    case "italic":
      return `<em>${child}</em>`;
    case "link":
      return `<a${attrs({ href: mark.attrs.href, rel: "noopener noreferrer" })}>${child}</a>`;
  }
}

function inline(nodes: ParagraphNode["content"]): string {
  return (nodes ?? [])
    .map((node) =>
      node.type === "hardBreak" ? "<br/>" : (node.marks ?? []).reduceRight((child, mark) => withMark(mark, child), escape(node.text)),
    )
    .join("");
}

function list(node: ListNode): string {
  const tag = node.type === "orderedList" ? "ol" : "ul";
  const items = node.content.map(
    (item) =>
      `<li dir="auto">${item.content.map((child) => (child.type === "paragraph" ? inline(child.content) : list(child))).join("")}</li>`,
  );
  return `<${tag}>${items.join("")}</${tag}>`;
}

const SIZES = "(max-width: 48rem) 100vw, 768px";

/** components/article/article-figure.tsx, as a string (never the lead photo: body photos load lazily). */
export function figureToHtml(figure: Figure): string {
  const caption = figure.caption ? `<span class="caption">${escape(figure.caption)}</span>` : "";
  const label = figure.creditLine ? creditLabel(figure.creditLine) : null;
  const credit = figure.creditLine
    ? `<span class="credit">${label ? `<span class="credit-label" lang="en">${label}</span> ` : ""}${escape(figure.creditLine)}</span>`
    : "";
  const credentials = figure.credentials
    ? ` <a class="content-credentials" href="${escape(figure.credentials.path)}" lang="en">Content Credentials</a>`
    : "";
  return (
    `<figure class="article-figure"><picture>` +
    `<source${attrs({ type: "image/avif", srcSet: figure.srcSet.avif, sizes: SIZES })}/>` +
    `<source${attrs({ type: "image/webp", srcSet: figure.srcSet.webp, sizes: SIZES })}/>` +
    `<img${attrs({ src: figure.src, srcSet: figure.srcSet.jpg, sizes: SIZES, alt: figure.alt, width: figure.width, height: figure.height, loading: "lazy", decoding: "async" })}/>` +
    `</picture><figcaption dir="auto">${caption} ${credit}${credentials}</figcaption></figure>`
  );
}

function block(node: BlockNode, figures: Map<string, Figure>): string {
  switch (node.type) {
    case "paragraph":
      return node.content?.length ? `<p dir="auto">${inline(node.content)}</p>` : "";
    case "heading": {
      const tag = (["h2", "h3", "h4"] as const)[node.attrs.level - 2]!;
      return `<${tag} dir="auto">${inline(node.content)}</${tag}>`;
    }
    case "blockquote":
      return `<blockquote>${node.content.map((p) => `<p dir="auto">${inline(p.content)}</p>`).join("")}</blockquote>`;
    case "bulletList":
    case "orderedList":
      return list(node);
    case "image": {
      const figure = figures.get(node.attrs.imageId);
      return figure ? figureToHtml(figure) : "";
    }
    case "embed":
      return `<p class="embed"><a${attrs({ href: node.attrs.url, rel: "noopener noreferrer nofollow" })}>${escape(node.attrs.url)}</a></p>`;
  }
}
