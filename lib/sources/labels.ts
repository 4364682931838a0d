import type { SourceCaptureState, SourceVerdict } from "../generated/prisma/enums";

/** What the desk calls each capture outcome and each link-check verdict. */
export const CAPTURE_STATE_LABELS: Record<SourceCaptureState, string> = {
  CAPTURED: "Copied",
  NOARCHIVE: "Asks not to be archived",
  OPTED_OUT: "Host opted out",
  FAILED: "Not copied",
};

export const VERDICT_LABELS: Record<SourceVerdict, string> = {
  OK: "Unchanged",
  GONE: "Gone",
  MOVED: "Moved",
  CHANGED: "Changed",
};
