import type { CodeTable } from './code-table.js';

/**
 * [code, meaning, English] of GB/T 4761-2008, two-digit form. 52 母亲 and 78 妹夫 were lost in
 * the copies consulted and are filled in by the standard's pattern.
 */
// prettier-ignore
const RELATIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['01', '本人', 'Self'], ['02', '户主', 'Head of household'],
  ['10', '配偶', 'Spouse'], ['11', '夫', 'Husband'], ['12', '妻', 'Wife'],
  ['20', '子', 'Son'], ['21', '独生子', 'Only son'], ['22', '长子', 'Eldest son'], ['23', '次子', 'Second son'],
  ['24', '三子', 'Third son'], ['25', '四子', 'Fourth son'], ['26', '五子', 'Fifth son'],
  ['27', '养子或继子', 'Adopted son or stepson'], ['28', '女婿', 'Son-in-law'], ['29', '其他儿子', 'Other son'],
  ['30', '女', 'Daughter'], ['31', '独生女', 'Only daughter'], ['32', '长女', 'Eldest daughter'],
  ['33', '次女', 'Second daughter'], ['34', '三女', 'Third daughter'], ['35', '四女', 'Fourth daughter'],
  ['36', '五女', 'Fifth daughter'], ['37', '养女或继女', 'Adopted daughter or stepdaughter'],
  ['38', '儿媳', 'Daughter-in-law'], ['39', '其他女儿', 'Other daughter'],
  ['40', '孙子、孙女、外孙子、外孙女', 'Grandchild'], ['41', '孙子', "Son's son"], ['42', '孙女', "Son's daughter"],
  ['43', '外孙子', "Daughter's son"], ['44', '外孙女', "Daughter's daughter"],
  ['45', '孙媳妇或外孙媳妇', "Grandson's wife"], ['46', '孙女婿或外孙女婿', "Granddaughter's husband"],
  ['47', '曾孙子或外曾孙子', 'Great-grandson'], ['48', '曾孙女或外曾孙女', 'Great-granddaughter'],
  ['49', '其他孙子、孙女、外孙子、外孙女', 'Other grandchild'],
  ['50', '父母', 'Parent'], ['51', '父亲', 'Father'], ['52', '母亲', 'Mother'],
  ['53', '公公', "Husband's father"], ['54', '婆婆', "Husband's mother"], ['55', '岳父', "Wife's father"],
  ['56', '岳母', "Wife's mother"], ['57', '继父或养父', 'Stepfather or adoptive father'],
  ['58', '继母或养母', 'Stepmother or adoptive mother'], ['59', '其他父母关系', 'Other parent relation'],
  ['60', '祖父母、外祖父母', 'Grandparent'], ['61', '祖父', "Father's father"], ['62', '祖母', "Father's mother"],
  ['63', '外祖父', "Mother's father"], ['64', '外祖母', "Mother's mother"],
  ['65', '配偶的祖父母或外祖父母', "Spouse's grandparent"], ['66', '曾祖父', 'Great-grandfather'],
  ['67', '曾祖母', 'Great-grandmother'], ['68', '配偶的曾祖父母或外曾祖父母', "Spouse's great-grandparent"],
  ['69', '其他祖父母或外祖父母关系', 'Other grandparent relation'],
  ['70', '兄、弟、姐、妹', 'Sibling'], ['71', '兄', 'Elder brother'], ['72', '嫂', "Elder brother's wife"],
  ['73', '弟', 'Younger brother'], ['74', '弟媳', "Younger brother's wife"], ['75', '姐姐', 'Elder sister'],
  ['76', '姐夫', "Elder sister's husband"], ['77', '妹妹', 'Younger sister'], ['78', '妹夫', "Younger sister's husband"],
  ['79', '其他兄弟姐妹', 'Other sibling'],
  ['80', '其他', 'Other'], ['81', '伯父', "Father's elder brother"], ['82', '伯母', "Father's elder brother's wife"],
  ['83', '叔父', "Father's younger brother"], ['84', '叔母', "Father's younger brother's wife"],
  ['85', '舅父', "Mother's brother"], ['86', '舅母', "Mother's brother's wife"], ['87', '姨父', "Mother's sister's husband"],
  ['88', '姨母', "Mother's sister"], ['89', '姑父', "Father's sister's husband"], ['90', '姑母', "Father's sister"],
  ['91', '堂兄弟、堂姐妹', 'Paternal cousin'], ['92', '表兄弟、表姐妹', 'Cousin (maternal or through a sister)'],
  ['93', '侄子', "Brother's son"], ['94', '侄女', "Brother's daughter"], ['95', '外甥', "Sister's son"],
  ['96', '外甥女', "Sister's daughter"], ['97', '其他亲属', 'Other relative'], ['99', '非亲属', 'Not related'],
];

/** GB/T 4761-2008 family relationship codes (与户主关系), two-digit form. */
export const FAMILY_RELATION_CODES: CodeTable = {
  name: 'family_relation',
  titleZh: '家庭关系（与户主关系）',
  titleEn: 'Family relationship (to the head of household)',
  system: 'GB/T 4761',
  edition: '2008',
  entries: RELATIONS.map(([code, labelZh, labelEn]) => ({ code, labelZh, labelEn })),
};
