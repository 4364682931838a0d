import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/admin/users", "/admin/users"],
    ["/admin?x=1#y", "/admin?x=1#y"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "admin", "", null, 42])(
    "refuses %s and falls back to /admin",
    (input) => {
      expect(safeCallbackUrl(input)).toBe("/admin");
    },
  );
});
