import type { ReactNode } from "react";
import {
  datelinePlacement,
  type BlockNode,
  type BodyDoc,
  type ListItemNode,
  type ListNode,
  type Mark,
  type ParagraphNode,
} from "@/lib/articles/body";
import type { Figure } from "@/lib/articles/dto";
import { ArticleFigure } from "./article-figure";

type InlineNode = NonNullable<ParagraphNode["content"]>[number];

function withMark(mark: Mark, child: ReactNode, key: number): ReactNode {
  switch (mark.type) {
    case "bold":
      return <strong key={key}>{child}</strong>;
    case "italic":
      return <em key={key}>{child}</em>;
    case "link":
      return (
        <a key={key} href={mark.attrs.href} rel="noopener noreferrer">
          {child}
        </a>
      );
  }
}

function Inline({ nodes }: { nodes: InlineNode[] | undefined }) {
  return (
    <>
      {(nodes ?? []).map((node, i) => {
        if (node.type === "hardBreak") return <br key={i} />;
        // Text is always a React text child, so the renderer escapes it: no user HTML reaches the page.
        return (node.marks ?? []).reduceRight<ReactNode>((child, mark) => withMark(mark, child, i), node.text);
      })}
    </>
  );
}

function List({ node }: { node: ListNode }) {
  const Tag = node.type === "orderedList" ? "ol" : "ul";
  return (
    <Tag>
      {node.content.map((item: ListItemNode, i) => (
        <li key={i} dir="auto">
          {item.content.map((child, j) =>
            child.type === "paragraph" ? <Inline key={j} nodes={child.content} /> : <List key={j} node={child} />,
          )}
        </li>
      ))}
    </Tag>
  );
}

/**
 * The dateline as it leads a story's first paragraph: "KYIV, Ukraine —", set in small capitals by
 * the stylesheet. Its own direction (dir="auto"), so the paragraph's comes from the story's words:
 * an Arabic story filed from "GAZA" still reads right to left.
 */
function Dateline({ text }: { text: string }) {
  return (
    <>
      <span className="dateline" dir="auto">{`${text} —`}</span>{" "}
    </>
  );
}

function Block({ node, figures, dateline }: { node: BlockNode; figures: Map<string, Figure>; dateline?: string }) {
  switch (node.type) {
    case "paragraph":
      return node.content?.length ? (
        <p dir="auto">
          {dateline ? <Dateline text={dateline} /> : null}
          <Inline nodes={node.content} />
        </p>
      ) : null;
    case "heading": {
      const Tag = (["h2", "h3", "h4"] as const)[node.attrs.level - 2]!;
      return (
        <Tag dir="auto">
          <Inline nodes={node.content} />
        </Tag>
      );
    }
    case "blockquote":
      return (
        <blockquote>
          {node.content.map((p, i) => (
            <p key={i} dir="auto">
              <Inline nodes={p.content} />
            </p>
          ))}
        </blockquote>
      );
    case "bulletList":
    case "orderedList":
      return <List node={node} />;
    case "image": {
      const figure = figures.get(node.attrs.imageId);
      return figure ? <ArticleFigure figure={figure} /> : null;
    }
    case "embed":
      return (
        <p className="embed">
          <a href={node.attrs.url} rel="noopener noreferrer nofollow">
            {node.attrs.url}
          </a>
        </p>
      );
  }
}

/**
 * Renders a validated body document to semantic HTML. Every block of text takes its direction from
 * its own first letters (`dir="auto"`): an Arabic or Hebrew paragraph, or a quote in one inside an
 * English story, is laid out right to left. A `dateline` leads the first paragraph with
 * text ("KYIV, Ukraine — The …"); a body without one gets it as a paragraph of its own, and one
 * whose first paragraph already opens with it gets none (datelinePlacement).
 */
export function BodyRenderer({ body, figures = new Map(), dateline }: { body: BodyDoc; figures?: Map<string, Figure>; dateline?: string }) {
  const { place, lead } = datelinePlacement(body, dateline);
  return (
    <div className="article-body">
      {place && lead < 0 ? (
        <p dir="auto">
          <span className="dateline" dir="auto">
            {place}
          </span>
        </p>
      ) : null}
      {body.content.map((node, i) => (
        <Block key={i} node={node} figures={figures} dateline={i === lead ? place : undefined} />
      ))}
    </div>
  );
}
