import { creditLabel } from "@/lib/media/schema";

/** A photo's credit as readers see it: "Photo:" and the line, unless the line says "Photo by …" itself. */
export function Credit({ line }: { line: string }) {
  const label = creditLabel(line);
  return (
    <span className="credit">
      {label ? (
        <span className="credit-label" lang="en">
          {label}
        </span>
      ) : null}
      {label ? " " : null}
      {line}
    </span>
  );
}
