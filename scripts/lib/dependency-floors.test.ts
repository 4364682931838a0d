import { describe, expect, it } from "vitest";
import { findBelowFloor, readAudit } from "./dependency-floors";

const at = (name: string, version: string, location = `node_modules/${name}`) => ({ name, version, location });

describe("dependency floors", () => {
  it("accepts the versions this project pins", () => {
    expect(
      findBelowFloor([
        at("next", "16.4.6"),
        at("next-auth", "4.24.15"),
        at("react", "19.3.1"),
        at("react-dom", "19.2.3"),
        at("sharp", "0.35.5"),
      ]),
    ).toEqual([]);
  });

  it("refuses a copy below its floor, wherever it is installed", () => {
    expect(findBelowFloor([at("sharp", "0.35.5"), at("sharp", "0.34.4", "node_modules/other/node_modules/sharp")])).toEqual([
      "sharp@0.34.4 at node_modules/other/node_modules/sharp is below 0.35.5",
    ]);
    expect(findBelowFloor([at("next", "16.4.4")])).toHaveLength(1);
    expect(findBelowFloor([at("next-auth", "4.24.14")])).toHaveLength(1);
  });

  it("uses the floor of the React minor line", () => {
    expect(findBelowFloor([at("react", "19.2.2")])).toHaveLength(1);
    expect(findBelowFloor([at("react", "19.1.4")])).toEqual([]);
    expect(findBelowFloor([at("react", "19.0.0")])).toHaveLength(1);
  });

  it("ignores packages without a floor", () => {
    expect(findBelowFloor([at("zod", "0.0.1")])).toEqual([]);
  });
});

describe("npm audit output", () => {
  it("counts high and critical findings", () => {
    expect(readAudit(JSON.stringify({ metadata: { vulnerabilities: { low: 3, high: 1, critical: 0 } } }))).toEqual({
      high: 1,
      critical: 0,
    });
  });

  it("says when the audit endpoint did not answer", () => {
    expect(readAudit(JSON.stringify({ message: "405 Method Not Allowed", method: "POST" }))).toBeNull();
    expect(readAudit("npm error audit endpoint returned an error")).toBeNull();
  });
});
