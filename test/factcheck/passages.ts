/** Real passages cut from the seed books (whitespace collapsed), as chunks for the verdict and check tests. */
import { judgeClaim } from "../../src/factcheck/check.js";
import { analyzeClaim, withPassages } from "../../src/factcheck/claim.js";
import { CorpusReader } from "../../src/search/corpus-reader.js";
import type { Chunk, FactCheck } from "../../src/types.js";

function chunk(doc: string, n: number, section: string, text: string, context?: string): Chunk {
  return {
    ...(context ? { context } : {}),
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

export const VITEBSK_LODZ = chunk(
  "003_3c14199bc77e908d.txt",
  30,
  "",
  `Apparently, a qualitatively new level of cooperation is going to be reached with the Łód Voivodeship and the Vitebsk Oblast. They signed a partnership agreement back in 2009. However, the experience of the implementation of this document has shown that until recently, the parties, interacting with each other, still mainly focused on cultural exchange. Today, the Belarusian-Polish relations are characterized by an aspiration to develop contacts in all spheres with the aim of expanding "pragmatic and constructive cooperation in the interests of the peoples of Belarus and Poland" 67 . That is why the signing of five agreements on cooperation between the districts of the Vitebsk Oblast and the municipalities of the Łód Voivodeship in March 2017 looks absolutely timely and very encouraging.`,
);

export const TATARSTAN_2004 = chunk(
  "001_04d2d979b8eaaf9e.txt",
  82,
  "",
  `The parties signed a protocol of understanding in April 2021 that "provides for further mutual interest in the development of trade, economic, scientific, technical and humanitarian cooperation between Belarus and Tatarstan" 163 , which will focus on the development of cooperation in the production and science and technology spheres. It should be recalled that the interaction between the parties is currently developing within the framework of the intergovernmental Agreement on trade, economic, scientific, technological and cultural cooperation of 23 June 2004, which created the preconditions for the formation of a common scientific, technological and innovation space. Last year saw the completion of the Action Plan for 2017-2020 to implement the basic agreement. Due to the fact that Tatarstan today pays special attention to the development of high-tech products, Belarusian partners are given the opportunity to work at the investment sites of the Republic.`,
);

export const SAKHALIN = chunk(
  "001_04d2d979b8eaaf9e.txt",
  83,
  "",
  `Polymerkonstruktsiya has "successfully implemented a pilot project in the field of ecology on water treatment" 168 . And now the question of participation of this UE in the implementation of projects at other sites in Tatarstan is being solved. Another Russian region I would like to mention in this context is the Sakhalin Oblast which signed an action plan for 2021-2023 to implement the agreement between the governments on trade, economic, scientific, technical and cultural cooperation in May 2021.`,
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

/** Real passages for the element-by-element checks (sentences as the cleaner leaves them). */
export const GOMEL_RATON = chunk(
  "000_81e9b8e0fadb0ad8.txt",
  5,
  "Belarus - Russia: Forum of Regions as a generator of new ideas",
  `An equally important area of cooperation is investment. "In January-March 2021, foreign investments from the Russian Federation amounted to $154.3 million". This is largely due to the fact that 361 enterprises with Russian capital are already operating in the Gomel region, 12 of which are residents of the Gomel-Raton free zone. In addition, the Gomel regional executive committee signed 22 bilateral agreements on cooperation with Russian regions.`,
);

export const PROFAUTO = chunk(
  "001_04d2d979b8eaaf9e.txt",
  151,
  "Belarus-Georgia: complementarity yields results",
  `Secondly, a number of documents on cooperation of Minsk enterprises with the Georgian partners were agreed at the above-mentioned business forum. Thus, "within the section "Modern Minsk and Tbilisi" a memorandum between Kommunarka and Bel Trade Ltd. and an agreement between Minsk Tourist Information Centre and Resistorgeo LLC were signed, and an agreement between Minsk City Technopark LLC and Tbilisi Technopark. Besides, Minsk Automobile Plant within the framework of the concluded contract with Georgia's Profauto LLC has granted this company exclusive rights to sell automobile equipment on the Georgian land and will supply 20 dump trucks for over one million USD to Georgia.`,
);

export const KABARDINO = chunk(
  "000_81e9b8e0fadb0ad8.txt",
  9,
  "Belarus - Russia: direct regional partnerships as a factor to strengthen economic cooperation",
  `In the North Caucasian Federal District (NCFD) of the Russian Federation the interaction between the Republic of Belarus and the Kabardino-Balkarian Republic (KBR) is developing in an interesting way. In October 2021, a meeting of a joint working group on interaction between the parties was held, at which an action plan was signed to implement the Agreement on cooperation in trade and economic, scientific and technical and socio-cultural spheres, adopted at the VII Forum of Regions of Belarus and Russia, which was held in September 2020. It will be recalled that at the end of 2020 the trade turnover between the parties decreased by more than a quarter and amounted to $8.6 million. At the same time, "the balance is positive for the Republic of Belarus - "plus" 3.1 million dollars.`,
);

export const AGROMASH = chunk(
  "000_81e9b8e0fadb0ad8.txt",
  14,
  "Belarus - Kazakhstan: plans for the future - in the roadmap",
  `By The signed contract for the supply of products in the amount of one million dollars with the subjects of the commodity distribution network of Bobruiskagromash in Kazakhstan is aimed at this at least. JSC Gomselmash and JSC AgromashHolding KZ, the only industrial enterprise in this country that produces grain harvesters, tractors and additional products in a wide range and is the exclusive distributor of Gomel's products in Kazakhstan, also signed an agreement to develop cooperation for 2021- 2022.But perhaps more than others in terms of the development of industrial cooperation with Kazakhstani partners is the Minsk tractor plant, which already has three assembly plants here, has its own trading house and plans to develop another assembly plant in this Central Asian country - with an investment of 50 million dollars - on the basis of the "Composite Group Kazakhstan" in Kostanai.`,
);

export const GEELY = chunk(
  "002_20633cbd5c519157.txt",
  41,
  "Belarus: the project of the future is realized today",
  `The fact is that domestic scientists are working on middle class models designed for a wide range of consumers. We are talking about producing several models at once: cargo, passenger car, minivan, even a sports car. It is also characteristic that "it is not Geely, it is a fundamentally different electric car with completely Belarusian stuffing. <...> Several battery models - lithium-ion, graphene and graphene-lead - are being developed for the Belarusian electric car," so that its range would be 500 kilometers.`,
);

export const MOGILEV_966 = chunk(
  "000_81e9b8e0fadb0ad8.txt",
  42,
  "Belarus: the goal is to maintain multi-vector foreign trade",
  `All of this in a complex allowed enterprises of Brest region to achieve a foreign trade surplus of almost half a billion dollars. The Mogilev region also managed to achieve a significant increase in exports - by more than 30 percent - in January-May 2021. It "managed to ensure the highest export volume ($966 million) and a surplus for the last 5 years. A typical detail: exports to more than 20 countries of the European Union increased by 1.7 times and amounted to $221 million.`,
);

export const TOMSK_FORUM = chunk(
  "001_04d2d979b8eaaf9e.txt",
  65,
  "Belarus - Russia: regions expand partnerships",
  `It should be recalled that the Agreement on Trade, Economic, Scientific, Technical and Cultural Cooperation between the Republic of Belarus and Tomsk Region was signed in 2016 as part of the plenary session of the Third Forum of Regions of Belarus and Russia. In this document, which gave new impetus to the bilateral cooperation between the republic and the region, the parties identified the main priorities for joint work in a very wide range of areas, drawing on the already existing experience of interaction.`,
);

export const FERROUS = chunk(
  "001_04d2d979b8eaaf9e.txt",
  76,
  "Belarus - Russia: Orientation towards mutually beneficial cooperation",
  `"Interest in a more active application of the exchange mechanism, in particular, was expressed by representatives of Chelyabinsk Forge-and-Press Plant PJSC, Liteiny Zavod LLC and Trade House MKK LLC. First of all, the matter is about an increase in supplies of ferrous rolled metal products that are in stable high demand among Belarusian industrial enterprises". By the way, we should mention that nearly 800 companies trade in ferrous metals and their products at the Belarusian Currency and Stock Exchange on a daily basis, and the number of transactions at one trading session can reach two million euros. It is clear that the arrival here of the largest Russian metal producers from the Chelyabinsk Region - the undisputed leader in ferrous metallurgy among other Russian regions - will only open up new opportunities and prospects for all participants in these trading sessions.`,
);

export const BASHKORTOSTAN_1999 = chunk(
  "004_f865b4ead9a1efb6.txt",
  69,
  "Chapter 6: A factor of trust and cooperation",
  `Another Russian region that plans to intensify cooperation with the Belarusian side in the near future is the Republic of Bashkortostan. In December 2021, a meeting of the Working Group for cooperation between the parties was held to discuss possible interaction in the main areas of trade and economic cooperation - in agriculture, machine building, machine tools, and construction. As a reminder, Belarus and Bashkortostan signed an Agreement on Trade, Economic, Scientific, Technical and Cultural Cooperation back in June 1999.`,
);

export const INNOVATION_2030 = chunk(
  "000_81e9b8e0fadb0ad8.txt",
  1,
  "Commonwealth of Independent States: and free trade in services, and innovation cooperation",
  `Here it is appropriate to recall that at the October (2021) meeting of the Council of CIS Heads of State, a statement was adopted on the occasion of the 30th anniversary of the Commonwealth, in which, considering trade and economic cooperation to be a key factor in further deepening economic integration and sustainable development of CIS member states, the leaders of these states declared the need "to focus efforts on sustained economic growth through The development of a green economy, digitalization, industrial cooperation, wide application of innovation..." .Recall that the Interstate Program of Innovation Cooperation until 2030 was signed on November 6, 2020. Its peculiarity is that it takes into account the requirements of modern forecasting theory, strategic planning and national programming for the development and implementation of long-term strategic decisions within the framework of interstate cooperation on the regulation and development of the market economy.`,
);

export const SAMARA_30 = chunk(
  "000_81e9b8e0fadb0ad8.txt",
  13,
  "Belarus - Russia: direct regional partnerships as a factor to strengthen economic cooperation",
  `And, judging by all appearances, already in In the near future, these areas of Belarusian-Russian exchange cooperation will get new impulses for development in other regions of Russia as well. Thus, there is a great interest in interaction with the BUTB in the Samara region, which is one of the leaders in terms of exports of agricultural products in the Volga Federal District. In November 2021 30 production and trade enterprises of the region expressed their readiness to use the potential of the BUTB to expand the volume and geography of their exports, including "sales of agricultural products of the Samara region to the European Union countries.`,
);

export const BALANCE = chunk(
  "002_20633cbd5c519157.txt",
  29,
  "Belarus: to ensure export growth trajectory",
  `At least the results of January this year show that business entities in our country have taken the task of exporting quite responsibly, increasing supplies of goods and services to foreign countries by 13.5% - to more than three billion dollars. At the same time "the export of goods increased by 19.4% to $2.36 billion <...>. The balance was positive at $100.2 million (in January 2020, it was negative at $61.2 million". The companies of the Bellesbumprom Concern should be mentioned among those who have already made a significant contribution to the achievement of this indicator; in January they managed to increase export supplies of their products by another 18 percent, up to 55.5 million dollars.`,
);

const BASHKIR_NEED =
  'And, it should be said, there are good prospects here. For instance, a Russian region with seven million hectares of arable land and where only Belarusian wheeled tractors are assembled at Bashkillakhztekhnika, is in dire need of caterpillar-mounted machinery - "we need hundreds, not dozens, of caterpillar tractors".';

/** The passage that states the Bashkir need, naming Bashkortostan three sentences before it. */
export const BASHKIR_TRACTORS = chunk(
  "004_f865b4ead9a1efb6.txt",
  71,
  "Chapter 6: A factor of trust and cooperation",
  `"The first one is to expand cooperation of industrial enterprises in the sphere of special-purpose and heavy-duty machinery supplies. The second is cooperation in the agro-industrial complex and participation in technical modernization of Bashkortostan's agro-industrial complex". Expansion of cooperation in petrochemistry and construction, including road construction, is also a priority area. ${BASHKIR_NEED}`,
);

/** The next passage: it opens "As a result", with the need only in its context (`Chunk.context`). */
export const BASHKIR_ASSEMBLY = chunk(
  "004_f865b4ead9a1efb6.txt",
  72,
  "Chapter 6: A factor of trust and cooperation",
  "As a result, the issue of possible assembly of Belarusian caterpillar tractors on the territory of Bashkortostan has been raised in practice. Another promising topic concerns highways, the total length of which in this Russian region exceeds 50 thousand kilometres, and Bashkortostan ranks second in Russia in terms of the extensive network of local roads.",
  BASHKIR_NEED,
);

export const KAZAKH_AGRI = chunk(
  "001_04d2d979b8eaaf9e.txt",
  7,
  "",
  'The meeting focused on the issues of trade in foodstuffs, crop and livestock production, veterinary medicine, breeding and selection, given the fact that "in 2020, trade turnover of agricultural products and food between Belarus and Kazakhstan increased 1.2 times against 2019 and reached $ 307.2 million".',
);

/** IDF over the first fixture passages, so common names (Belarus, Russia) weigh as little as in the books. */
const reader = CorpusReader.fromChunks(ALL);
const vocabulary = await reader.vocabularyFor("");

/** A claim checked against these passages (all of `ALL` unless given), as the engine judges it. */
export const checkAgainst = (claim: string, chunks: Chunk[] = ALL): FactCheck => ({
  claim,
  ...judgeClaim(
    withPassages(
      analyzeClaim(claim),
      chunks.map((c) => c.text),
    ),
    chunks,
    reader,
    vocabulary,
  ),
});
