import { describe, expect, it } from "vitest";
import { stripDiscordMarkup } from "../../src/text/markup.js";

describe("stripDiscordMarkup", () => {
  it("drops user, role and channel mentions, @everyone/@here, slash-command mentions and custom emoji", () => {
    expect(
      stripDiscordMarkup(
        "<@1100000000000000001> <@!1000000000000000002> @everyone what did the <@&1400000000000000001> CIS working group approve in February 2019? <#1300000000000000001> <:blobwave:1234567890123456789> <a:dance:12345678901234567890> </ask:1100000000000000009> @here",
      ),
    ).toBe("what did the CIS working group approve in February 2019?");
  });

  it("keeps what only looks like markup, and reads a timestamp as its date", () => {
    expect(stripDiscordMarkup("trade <@123> grew, e-mail info@everyone.by")).toBe(
      "trade <@123> grew, e-mail info@everyone.by",
    );
    expect(stripDiscordMarkup("what was signed on <t:1623715200:D>?")).toBe("what was signed on 2021-06-15?");
    expect(stripDiscordMarkup("<@1100000000000000001>")).toBe("");
  });
});
