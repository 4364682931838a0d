import type { ArticleStatus } from "@/lib/db";
import { STATUS_LABELS } from "@/lib/articles/workflow";

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`badge ${status}`}>{STATUS_LABELS[status]}</span>;
}
