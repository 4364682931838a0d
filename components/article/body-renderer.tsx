import type { ReactNode } from "react";
import type { BlockNode, BodyDoc, ListItemNode, ListNode, Mark, ParagraphNode } from "@/lib/articles/body";
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
        <li key={i}>
          {item.content.map((child, j) =>
            child.type === "paragraph" ? <Inline key={j} nodes={child.content} /> : <List key={j} node={child} />,
          )}
        </li>
      ))}
    </Tag>
  );
}

function Block({ node, figures }: { node: BlockNode; figures: Map<string, Figure> }) {
  switch (node.type) {
    case "paragraph":
      return node.content?.length ? (
        <p>
          <Inline nodes={node.content} />
        </p>
      ) : null;
    case "heading": {
      const Tag = (["h2", "h3", "h4"] as const)[node.attrs.level - 2]!;
      return (
        <Tag>
          <Inline nodes={node.content} />
        </Tag>
      );
    }
    case "blockquote":
      return (
        <blockquote>
          {node.content.map((p, i) => (
            <p key={i}>
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

/** Renders a validated body document to semantic HTML. */
export function BodyRenderer({ body, figures = new Map() }: { body: BodyDoc; figures?: Map<string, Figure> }) {
  return (
    <div className="article-body">
      {body.content.map((node, i) => (
        <Block key={i} node={node} figures={figures} />
      ))}
    </div>
  );
}
