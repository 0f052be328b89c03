import { describe, expect, it } from "vitest";
import { dropCommonOpener, read } from "../../src/understand/reading.js";

/** Sentences as the books print them (real excerpts, whitespace collapsed). */
const GOMEL_RATON =
  "361 companies with Russian capital are already operating in the Gomel region, 12 of which are residents of the Gomel-Raton free zone";
const BALANCE =
  'The balance was positive at $100.2 million (in January 2020, it was negative at $61.2 million".';
const CHINA_SECOND =
  'As for the export from Belarus to the Chinese market, "in the first six months of 2021 China ranked second (after Russia) among the countries-importers of Belarusian food products".';
const GEELY =
  "it is not Geely, it is a fundamentally different electric car with completely Belarusian stuffing";
const BELJI =
  'The comprehensive program in this regard states that "it is planned to master serial production of electric cars in BELJI CJSC and produce 1,000 electric cars based on the Geometry C model in 2021". 90[6, p. 20]';

describe("read", () => {
  it("types names by what surrounds them and splits a phrase at known names", () => {
    const r = read(GOMEL_RATON);
    expect(r.names.map((n) => [n.raw, n.type])).toEqual([
      ["Russian", "place"],
      ["Gomel", "place"],
      ["Gomel", "place"],
      ["Raton", "name"],
      ["free zone", "organisation"],
    ]);
    expect(read("Georgia's Hermes Ltd").names.map((n) => [n.raw, n.type])).toEqual([
      ["Georgia", "place"],
      ["Hermes Ltd", "organisation"],
    ]);
    expect(read("the Siberian Coal Energy Company (SUEK)").names).toHaveLength(1);
  });

  it("does not take a sentence's first word for a name when the passages write it in lower case", () => {
    const passages = ["the export of rapeseed oil through the BUOTB grew almost tenfold"];
    const r = (text: string) => dropCommonOpener(read(text), passages).names.map((n) => n.raw);
    expect(r("Rapeseed oil exports through the BUCE rose")).toEqual(["BUCE"]);
    expect(r("Gomselmash is the exclusive distributor")).toEqual(["Gomselmash"]);
    expect(read("Undoubtedly, such high performance").names).toEqual([]);
  });

  it("gives figures their direction, what they count, and whether they are a plan", () => {
    const [positive, negative] = read(BALANCE).figures;
    expect(positive).toMatchObject({ value: 100.2e6, direction: "up" });
    expect(negative).toMatchObject({ value: 61.2e6, direction: "down" });
    expect(read(GOMEL_RATON).figures.map((f) => [f.value, f.part])).toEqual([
      [361, false],
      [12, true],
    ]);
    const cars = read(BELJI).figures;
    expect(cars.map((f) => [f.value, f.planned])).toEqual([[1000, true]]);
    expect(read("It will be recalled that trade fell by a quarter").figures[0]?.planned).toBe(false);
  });

  it("reads ranks and ordinals, and negations", () => {
    expect(read(CHINA_SECOND).ranks).toMatchObject([{ value: 2, pole: "top" }]);
    expect(read("the second-highest figure among the 68 countries").ranks).toMatchObject([
      { value: 2, pole: "top" },
    ]);
    expect(read("the lowest for that period").ranks).toMatchObject([{ value: 1, pole: "bottom" }]);
    expect(read("at the Third Forum of Regions").ranks).toMatchObject([
      { value: 3, of: ["forum", "region"] },
    ]);
    expect(read("in the first six months of 2021").ranks).toEqual([]);
    expect(read(GEELY).negations).toHaveLength(1);
    expect(read("not only trade but also investment").negations).toEqual([]);
  });
});
