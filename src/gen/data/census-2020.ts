/**
 * 2020 population structure (7th national census, reference date 2020-11-01) — reference data for `popx gen`.
 *
 * CITED FIGURES (exact, from the communiqués / yearbook tables named next to each constant):
 *   - National: 国家统计局《第七次全国人口普查公报》No. 4 (sex: 723,339,956 men, 688,438,768 women, ratio 105.07)
 *     and No. 5 (age: 0–14 253,383,938; 15–59 894,376,020; 60+ 264,018,766; 65+ 190,635,280). Population
 *     1,411,778,724 (31 provinces + active military). 5-year groups 0–4 77,883,903, 5–9 90,244,009,
 *     10–14 85,256,026 (中国人口普查年鉴-2020 — NOT re-read in this session: quoted from memory and accepted
 *     because the three add up exactly to the communiqué 0–14 total; the exact male/female counts above were also
 *     not re-read, but match the 51.24 % / 105.07 seen in a reprint of the communiqué).
 *   - Guangdong: 广东省第七次全国人口普查公报 (2021-05-15) No. 1–6: population 126,012,510; 0–14 23,749,882;
 *     15–59 86,697,562; 60+ 15,565,066; 65+ 10,813,000; sex ratio 113.08; 42,469,178 family households with
 *     111,671,837 people (2.63 per household); 4,222,469 collective households with 14,340,673 people;
 *     floating population 52,066,200 (29,622,100 from other provinces, 22,444,000 within the province).
 *   - Shunde: 顺德区第七次全国人口普查公报 No. 1 (顺德区统计局, 2021-05-28): 3,229,090 residents;
 *     1,154,560 family households with 2,812,637 people (2.44 per household); 129,680 collective households with
 *     416,453 people.
 *   - Foshan: 佛山市统计局《第七次全国人口普查主要数据解读》: 9.50 million residents (Shunde 322.91万), 5,018,800
 *     residents registered outside Foshan (外市流入, ≥ 6 months); registered (户籍) population 4,737,700 (2020,
 *     public-security figure quoted there).
 *   - Household size distribution: the 2020 table for Guangdong/Shunde was not reachable. HOUSEHOLD_SIZE_SHARES uses
 *     Fujian's 2020 census distribution (福建统计年鉴2021, 表3-6 家庭户类型构成) — the nearest coastal southern
 *     province found (mean ≈ 2.68 vs Guangdong 2.63, Shunde 2.44); APPROXIMATION for Shunde.
 *
 * MODELLED (APPROXIMATION — the single-year yearbook table 中国人口普查年鉴-2020 表1-7 could not be reached):
 *   POPULATION_BY_AGE_NATIONAL / POPULATION_BY_AGE_GUANGDONG give persons by single year of age 0–100 (100 = 100+)
 *   and sex. Derivation (script: data/gen-sources/model.py):
 *   - 0–14: the three cited 5-year groups, split by year of age in proportion to NBS annual births (统计公报:
 *     2020 1200万, 2019 1465, 2018 1523, 2017 1723, 2016 1786, … 2000 1771; quoted from memory, only used as
 *     within-group shape).
 *   - 15–59: cohort sizes by birth decade from the NCIIC 2008 registered population (ChineseNames population.csv,
 *     corrected counts 1960s 205M, 1970s 209M, 1980s 207M, 1990s 168M) and NBS births for 2000–2005, scaled to the
 *     cited 15–59 total. Within a decade every year has the same size (real cohort detail is lost).
 *   - 60+: survivorship from the model life table of vital-rates.ts with mortality multiplied by a factor
 *     (1.77) chosen so that 80+ equals the reported 35.8 million (“80岁及以上人口3580万”, quoted
 *     from memory, not re-read), scaled to the cited
 *     60–64 and 65+ totals. Centenarians are under-represented (model ≈ 9 thousand, reported ≈ 0.12 million).
 *   - Sex: sex ratio at birth 111.3 carried through the model life tables, times one constant so the total sex
 *     ratio is 105.07. Guangdong: national single-year shape re-weighted to the cited Guangdong broad groups, with
 *     working-age (15–59) men scaled so that the total sex ratio is 113.08 (the surplus is migrant men).
 *   Totals and broad groups therefore match the census exactly; shapes within the broad groups are approximate.
 */

export const NATIONAL_2020 = {
  population: 1_411_778_724,
  male: 723_339_956,
  female: 688_438_768,
  sexRatio: 105.07,
  age0to14: 253_383_938,
  age15to59: 894_376_020,
  age60plus: 264_018_766,
  age65plus: 190_635_280,
  familyHouseholdMeanSize: 2.62,
  sexRatioAtBirth: 111.3,
} as const;

export const GUANGDONG_2020 = {
  population: 126_012_510,
  sexRatio: 113.08,
  age0to14: 23_749_882,
  age15to59: 86_697_562,
  age60plus: 15_565_066,
  age65plus: 10_813_000,
  familyHouseholds: 42_469_178,
  familyHouseholdPopulation: 111_671_837,
  collectiveHouseholds: 4_222_469,
  collectiveHouseholdPopulation: 14_340_673,
  familyHouseholdMeanSize: 2.63,
  floatingPopulation: 52_066_200,
  floatingFromOtherProvinces: 29_622_100,
  floatingWithinProvince: 22_444_000,
} as const;

export const FOSHAN_2020 = {
  population: 9_500_000,
  fromOutsideFoshan: 5_018_800,
  registeredPopulation: 4_737_700,
} as const;

/**
 * Shunde 2020. `shareFromOutsideFoshanApprox` = Foshan-wide 5,018,800 / 9.50 million applied to Shunde
 * (APPROXIMATION: Shunde's own figure was not reachable). `registeredPopulationApprox` = ~1.4 million is the
 * figure given in the project brief, NOT verified against a source.
 */
export const SHUNDE_2020 = {
  population: 3_229_090,
  familyHouseholds: 1_154_560,
  familyHouseholdPopulation: 2_812_637,
  collectiveHouseholds: 129_680,
  collectiveHouseholdPopulation: 416_453,
  familyHouseholdMeanSize: 2.44,
  populationIn2010: 2_461_701,
  shareFromOutsideFoshanApprox: 0.528,
  registeredPopulationApprox: 1_400_000,
} as const;

/** Family households by size (persons → share); Fujian 2020 census (see header), 10 = ten or more. */
export const HOUSEHOLD_SIZE_SHARES = [
  { size: 1, share: 0.273 },
  { size: 2, share: 0.263 },
  { size: 3, share: 0.194 },
  { size: 4, share: 0.142 },
  { size: 5, share: 0.069 },
  { size: 6, share: 0.04 },
  { size: 7, share: 0.011 },
  { size: 8, share: 0.004 },
  { size: 9, share: 0.002 },
  { size: 10, share: 0.002 },
] as const;

/** [age, male, female] persons, national 2020, age 100 = 100 and over. MODELLED (see header). */
export const POPULATION_BY_AGE_NATIONAL = [
  [0, 6342234, 5800248],
  [1, 7740008, 7083939],
  [2, 8046153, 7364680],
  [3, 9102449, 8332131],
  [4, 9434938, 8637123],
  [5, 9484353, 8683004],
  [6, 9667616, 8851012],
  [7, 9398147, 8604550],
  [8, 9369354, 8578457],
  [9, 9191557, 8415959],
  [10, 8889820, 8139991],
  [11, 8884058, 8135055],
  [12, 8978789, 8222176],
  [13, 8900401, 8150805],
  [14, 8849913, 8105018],
  [15, 8711919, 7979126],
  [16, 8582339, 7860973],
  [17, 8614361, 7890885],
  [18, 8872609, 8128103],
  [19, 9168511, 8399925],
  [20, 9539760, 8740909],
  [21, 9049108, 8292238],
  [22, 9048595, 8292751],
  [23, 9048030, 8293316],
  [24, 9047410, 8293936],
  [25, 9046728, 8294618],
  [26, 9045977, 8295369],
  [27, 9045152, 8296194],
  [28, 9044245, 8297101],
  [29, 9043247, 8298099],
  [30, 9042150, 8299196],
  [31, 11139734, 10227282],
  [32, 11138099, 10228917],
  [33, 11136301, 10230715],
  [34, 11134324, 10232692],
  [35, 11132150, 10234866],
  [36, 11129759, 10237257],
  [37, 11127130, 10239886],
  [38, 11124238, 10242777],
  [39, 11121059, 10245957],
  [40, 11117563, 10249453],
  [41, 11221097, 10352364],
  [42, 11216828, 10356633],
  [43, 11212133, 10361327],
  [44, 11206970, 10366490],
  [45, 11201293, 10372168],
  [46, 11195049, 10378411],
  [47, 11188183, 10385277],
  [48, 11180632, 10392828],
  [49, 11172328, 10401132],
  [50, 11163197, 10410264],
  [51, 10939697, 10220874],
  [52, 10928864, 10231707],
  [53, 10916951, 10243620],
  [54, 10903850, 10256721],
  [55, 10889442, 10271129],
  [56, 10808860, 10225731],
  [57, 10721150, 10176243],
  [58, 10625732, 10122301],
  [59, 10521995, 10063514],
  [60, 7767330, 7461515],
  [61, 7619011, 7354401],
  [62, 7459346, 7238549],
  [63, 7287774, 7113398],
  [64, 7103774, 6978388],
  [65, 6838128, 6764948],
  [66, 6630055, 6610139],
  [67, 6408560, 6444003],
  [68, 6173496, 6266096],
  [69, 5924868, 6076044],
  [70, 5662873, 5873562],
  [71, 5387930, 5658478],
  [72, 5100712, 5430764],
  [73, 4802181, 5190562],
  [74, 4493620, 4938217],
  [75, 4176653, 4674311],
  [76, 3853266, 4399694],
  [77, 3525811, 4115514],
  [78, 3196993, 3823247],
  [79, 2869845, 3524711],
  [80, 2547671, 3222082],
  [81, 2233972, 2917880],
  [82, 1932339, 2614955],
  [83, 1646319, 2316436],
  [84, 1379266, 2025658],
  [85, 1134167, 1746072],
  [86, 913472, 1481109],
  [87, 718927, 1234031],
  [88, 551444, 1007764],
  [89, 411013, 804713],
  [90, 296682, 626595],
  [91, 206613, 474292],
  [92, 138227, 347757],
  [93, 88402, 245988],
  [94, 53747, 167082],
  [95, 30867, 108389],
  [96, 16622, 66739],
  [97, 8323, 38721],
  [98, 3836, 20988],
  [99, 1609, 10521],
  [100, 973, 7735],
] as const satisfies ReadonlyArray<readonly [number, number, number]>;

/** [age, male, female] persons, Guangdong 2020, age 100 = 100 and over. MODELLED (see header). */
export const POPULATION_BY_AGE_GUANGDONG = [
  [0, 594463, 543662],
  [1, 725477, 663983],
  [2, 754172, 690297],
  [3, 853180, 780977],
  [4, 884344, 809565],
  [5, 888976, 813865],
  [6, 906153, 829613],
  [7, 880896, 806511],
  [8, 878197, 804066],
  [9, 861532, 788835],
  [10, 833250, 762968],
  [11, 832710, 762505],
  [12, 841589, 770671],
  [13, 834242, 763982],
  [14, 829509, 759690],
  [15, 881487, 736483],
  [16, 868375, 725579],
  [17, 871615, 728343],
  [18, 897745, 750242],
  [19, 927685, 775335],
  [20, 965249, 806813],
  [21, 915604, 765403],
  [22, 915552, 765455],
  [23, 915495, 765512],
  [24, 915432, 765575],
  [25, 915363, 765644],
  [26, 915287, 765720],
  [27, 915204, 765803],
  [28, 915112, 765895],
  [29, 915011, 765996],
  [30, 914900, 766107],
  [31, 1127137, 944104],
  [32, 1126971, 944269],
  [33, 1126790, 944451],
  [34, 1126590, 944651],
  [35, 1126370, 944871],
  [36, 1126128, 945113],
  [37, 1125862, 945379],
  [38, 1125569, 945672],
  [39, 1125247, 945993],
  [40, 1124894, 946347],
  [41, 1135369, 955883],
  [42, 1134937, 956315],
  [43, 1134462, 956790],
  [44, 1133940, 957313],
  [45, 1133366, 957887],
  [46, 1132734, 958519],
  [47, 1132039, 959214],
  [48, 1131275, 959978],
  [49, 1130435, 960818],
  [50, 1129511, 961742],
  [51, 1106897, 944332],
  [52, 1105801, 945428],
  [53, 1104595, 946633],
  [54, 1103270, 947959],
  [55, 1101812, 949417],
  [56, 1093659, 945358],
  [57, 1084784, 940933],
  [58, 1075129, 936110],
  [59, 1064633, 930851],
  [60, 502986, 483182],
  [61, 493381, 476246],
  [62, 483042, 468744],
  [63, 471932, 460640],
  [64, 460016, 451897],
  [65, 387865, 383714],
  [66, 376063, 374933],
  [67, 363499, 365509],
  [68, 350166, 355418],
  [69, 336064, 344639],
  [70, 321203, 333154],
  [71, 305608, 320954],
  [72, 289317, 308038],
  [73, 272384, 294413],
  [74, 254882, 280100],
  [75, 236903, 265131],
  [76, 218561, 249554],
  [77, 199987, 233436],
  [78, 181336, 216858],
  [79, 162780, 199925],
  [80, 144506, 182759],
  [81, 126713, 165505],
  [82, 109604, 148323],
  [83, 93381, 131390],
  [84, 78233, 114897],
  [85, 64331, 99039],
  [86, 51813, 84010],
  [87, 40778, 69995],
  [88, 31278, 57161],
  [89, 23313, 45644],
  [90, 16828, 35541],
  [91, 11719, 26902],
  [92, 7840, 19725],
  [93, 5014, 13953],
  [94, 3049, 9477],
  [95, 1751, 6148],
  [96, 943, 3785],
  [97, 472, 2196],
  [98, 218, 1190],
  [99, 91, 597],
  [100, 55, 439],
] as const satisfies ReadonlyArray<readonly [number, number, number]>;
