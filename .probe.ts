import { readFileSync } from "node:fs";
import { buildPrompt } from "./src/answer/prompt.js";
import { hit } from "./test/answer/fixtures.js";

const text = readFileSync("seeds/001_04d2d979b8eaaf9e.txt", "utf8").replace(/\s+/g, " ");
const hits = Array.from({ length: 8 }, (_, i) => hit(text.slice(i * 3000, i * 3000 + 2500), i + 1));
let worst = -1e9;
for (let c = 300; c < 6000; c += 7) {
  const p = buildPrompt("How much was mutual trade within the CIS in 2017?", hits, {
    contextTokens: c,
    maxTokens: 100,
  });
  worst = Math.max(worst, p.tokens - (c - 100));
}
console.log("worst slack (positive=over before loop? no: after)", worst);
