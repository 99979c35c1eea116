import { describe, expect, it } from "vitest";
import { chooseCollaboration, switchTarget, withCollaboration } from "~/domain/collaboration";

const all = [
  { id: 1, slug: "mini-maria-jh" },
  { id: 2, slug: "exempel-barnahus" },
  { id: 3, slug: "dalarna" },
];

describe("chooseCollaboration", () => {
  it("takes the one the URL names, even one the viewer does not take part in", () => {
    expect(chooseCollaboration(all, "dalarna", new Set([1]))).toEqual(all[2]);
  });
  it("refuses a slug that names nothing (never falls back silently)", () => {
    expect(chooseCollaboration(all, "okand", new Set([1]))).toBe("unknown");
    expect(chooseCollaboration(all, "MINI-MARIA-JH", new Set([1]))).toBe("unknown");
  });
  it("without a slug: the first collaboration the viewer takes part in", () => {
    expect(chooseCollaboration(all, null, new Set([3, 2]))).toEqual(all[1]);
    expect(chooseCollaboration(all, "", new Set([3]))).toEqual(all[2]);
  });
  it("without a slug and without participation: the first collaboration", () => {
    expect(chooseCollaboration(all, null, new Set())).toEqual(all[0]);
    expect(chooseCollaboration(all, null, new Set([99]))).toEqual(all[0]);
  });
  it("says none when there is no collaboration", () => {
    expect(chooseCollaboration([], null, new Set())).toBe("none");
    expect(chooseCollaboration([], "x", new Set())).toBe("unknown");
  });
});

describe("withCollaboration", () => {
  it.each([
    ["/avtal", "/avtal?samverkan=b"],
    ["/avtal/kostnader?ar=2027", "/avtal/kostnader?ar=2027&samverkan=b"],
    ["/uppdrag?samverkan=a&visa=forsenade", "/uppdrag?samverkan=b&visa=forsenade"],
    ["/avtal#villkor", "/avtal?samverkan=b#villkor"],
    ["/?x=1#top", "/?x=1&samverkan=b#top"],
  ])("%s → %s", (href, expected) => expect(withCollaboration(href, "b")).toBe(expected));
});

describe("switchTarget", () => {
  it.each([
    ["/", "/"],
    ["", "/"],
    ["/avtal/kostnader", "/avtal/kostnader"],
    ["/moten/12/protokoll", "/moten"],
    ["/avtal/parter/3", "/avtal"],
    ["/organ/2/ledamoter/ny", "/organ"],
    ["/12", "/"],
  ])("%s → %s", (path, expected) => expect(switchTarget(path)).toBe(expected));
});
