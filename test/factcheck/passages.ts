/** Real passages cut from the seed books (whitespace collapsed), as chunks for the verdict and check tests. */
import type { Chunk } from "../../src/types.js";

function chunk(doc: string, n: number, section: string, text: string): Chunk {
  return {
    id: `${doc}#${n}`,
    doc,
    title: doc,
    section,
    pageStart: n,
    pageEnd: n,
    start: 0,
    end: text.length,
    text,
    footnotes: [],
  };
}

export const CIS_TRADE = chunk(
  "001_04d2d979b8eaaf9e.txt",
  2,
  "",
  `The Republic of Belarus has consistently advocated strengthening the economic potential of this association of post-Soviet countries and expanding their trade and production ties in order to consolidate the positive dynamics observed in the CIS: "Mutual trade within the CIS continues to grow. Last year [2017], trade totalled USD 164 billion, an increase of 25%" 3 . In the first seven months of 2018, "the value of mutual trade increased by 15% ($102 billion) compared to the previous year" 4 , and the year-end figures show a 20% increase in mutual trade among CIS member states.`,
);

export const STRATEGY_332 = chunk(
  "001_04d2d979b8eaaf9e.txt",
  31,
  "",
  `"It is necessary to grow by 4.5% of GDP every year in order to reach the indicators laid down in the strategy for the development of integration until 2025" 22 . The adopted strategy, which includes eleven areas and 332 implementation mechanisms, envisages the fuller use of the EAEU industrial potential and its logistical capabilities in order to fully ensure the complementarity of the economies. Particular attention will be paid to education, health, and the movement of citizens.`,
);

export const STRATEGY_330 = chunk(
  "001_04d2d979b8eaaf9e.txt",
  92,
  "",
  `The effective and full implementation of the Strategic Development Guidelines for Eurasian Economic Integration until 2025, adopted by the heads of the EAEU member states at a meeting of the Supreme Economic Council, should facilitate the implementation of these tasks. The Eurasian Economic Council in December 2020 and published in January 2021. This document contains 330 measures and mechanisms to develop cooperation, grouped into 11 systemic blocks, the implementation of which should lead to the achievement of results by 2025, such as 1) Completion of a common market for goods, services, capital and labour;`,
);

export const HTP_25 = chunk(
  "001_04d2d979b8eaaf9e.txt",
  95,
  "",
  `The Republic of Belarus is going to play a not insignificant role in this in the EAEU, where a sufficient infrastructure base for digital transformation has already been created and where the largest IT cluster in Eastern Europe - the High Tech Park - has been functioning for quite some time. "In 2020, its exports exceeded $2.5 billion - that's more than 20% of Belarus' total services exports" 94 .`,
);

export const HTP_27 = chunk(
  "002_20633cbd5c519157.txt",
  51,
  "",
  `60 The number of HTP residents exceeded 1 thousand [Electronic resource]. - – 2021. 61 Absolute all-time record - HTP exports in 2020 exceed $2.7 billion [Electronic resource]. - – 2021.`,
);

export const SPIMEX = chunk(
  "004_f865b4ead9a1efb6.txt",
  40,
  "",
  `The BUOTB also expects real results from the agreement reached in March 2021 on the activation of cooperation with the St. Petersburg International Mercantile Exchange. The exchange was set up in 2008 and is now the largest commodity exchange in Russia "specializing in trade in oil, oil products, gas, timber and mineral fertilizers"⁶⁶.`,
);

export const MALAYSIA = chunk(
  "003_3c14199bc77e908d.txt",
  22,
  "",
  `Certain prospects are also seen in the interaction between the regions of Belarus and Malaysia. On the Belarusian side, this applies primarily to Minsk voblast, where Belaruskali, the main exporter to this country, is located. It is interesting that "the share of Belarusian potash fertilizers among all similar products on the Malaysian market reaches 25%"25. However, the metropolitan area hopes that exports to the Malaysian market will not be limited only to potash fertilizers.`,
);

export const REGIONS_80 = chunk(
  "000_81e9b8e0fadb0ad8.txt",
  7,
  "",
  `If we talk about the contracts signed during this forum, "in the real sector of the economy it is about $800 million"13 . Undoubtedly, such high performance of the Belarusian-Russian partnership is facilitated by the fact that about 80 regions are involved in this interregional cooperation on the part of Russia.`,
);

/** A total and a part of it in consecutive sentences: "more than 600 documents … over 430 of these". */
export const REGIONS_600 = chunk(
  "001_04d2d979b8eaaf9e.txt",
  22,
  "Commonwealth of Independent States: Plan for Information Promotion as a Direction of Integration in the Post-Soviet Space",
  `The Republic of Belarus is among those CIS countries that pay special attention to regional cooperation. Thus, at the IX meeting of the Council for Interregional and Cross-border Cooperation of the CIS Member States, held by videoconference in September 2020, it was noted that the Belarusian regions "have more than 600 documents on cooperation in trade, economic, scientific, technological and humanitarian spheres with the regions of the CIS member states" 35 . And although over 430 of these agreements account for regions of Russia, recently active steps have been taken to expand partnerships between the regions and other countries as well.`,
);

export const BUCE = chunk(
  "000_81e9b8e0fadb0ad8.txt",
  183,
  "Belarusian Universal Commodity Exchange: Multi-vector approach is the main priority",
  `The Belarusian Universal Commodity Exchange (BUCE) demonstrated high growth rates of export transactions in 2021, where their volume increased by 80 percent to $369 million in the first half of the year. Companies from 29 countries bought the Belarusian goods through the BUCE. The five largest markets are Lithuania, Germany, Latvia, Estonia and Russia.`,
);

export const ALL = [
  CIS_TRADE,
  STRATEGY_332,
  STRATEGY_330,
  HTP_25,
  HTP_27,
  SPIMEX,
  MALAYSIA,
  REGIONS_80,
  BUCE,
];
