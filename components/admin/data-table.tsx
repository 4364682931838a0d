import type { ComponentProps } from "react";

/**
 * A table of the desk's data in a box of its own that scrolls sideways when the table is wider
 * than the screen (a phone), so the page itself never does. Every admin table is one of these.
 */
export function DataTable({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="table-scroll">
      <table className={className ? `data-table ${className}` : "data-table"} {...props} />
    </div>
  );
}
