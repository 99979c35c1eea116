/** How an item is numbered for a viewer (`itemNumber`, `itemHeading`): its § if shown one, else its place. */
import { describe, expect, it } from "vitest";
import { itemHeading, itemNumber } from "~/domain/agenda-view";

describe("itemNumber", () => {
  it("is the place in the agenda shown while the viewer is shown no §", () => {
    expect(itemNumber({ paragraph: null }, 4)).toBe("5.");
    expect(itemNumber({ paragraph: null }, 4, 2)).toBe("05.");
    expect(itemNumber({ paragraph: null }, 11, 2)).toBe("12.");
  });

  it("is the § once the minutes the viewer is shown number the item, whatever its place", () => {
    expect(itemNumber({ paragraph: 14 }, 4)).toBe("§ 14");
    expect(itemNumber({ paragraph: 14 }, 4, 2)).toBe("§ 14");
    expect(itemNumber({ paragraph: 3 }, 0, 2)).toBe("§ 3");
  });
});

describe("itemHeading", () => {
  it("puts the number before the title", () => {
    expect(itemHeading({ paragraph: 14, title: "Budget" }, 4)).toBe("§ 14 Budget");
    expect(itemHeading({ paragraph: null, title: "Budget" }, 4, 2)).toBe("05. Budget");
  });
});
