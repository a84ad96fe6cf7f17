/**
 * Small name tables for the synthetic Chinese test data: surnames in rough frequency order
 * (drawn with Zipf weights, so 王/李/张 dominate as in life), including polyphonic surnames
 * (单 曾 解 仇 区 朴 查 翟 盖) and compound ones; given-name characters by frequency.
 */
export const SURNAMES = (
  '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 ' +
  '潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 韦 贾 夏 付 方 邹 熊 白 孟 ' +
  '秦 邱 侯 江 尹 薛 段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 莫 孔 向 常 汤 康 易 乔 赖 文 ' +
  '单 解 仇 区 朴 查 翟 盖 欧阳 司马 诸葛 上官'
).split(' ');

export const GIVEN_CHARS = (
  '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 兰 文 辉 建 国 红 志 斌 飞 鹏 ' +
  '晓 梅 琳 婷 雪 宇 浩 子 涵 欣 怡 俊 博 轩 然 佳 嘉 思 雨 晨 云 海 波 宁 林 峰 鑫 亮 成 东 春 秋 冬 凤 ' +
  '龙 凯 健 荣 德 福 金 燕 萍 丹 慧 颖 琴 倩 莉 晶 蕾 璐 瑶 悦 萱 诗 梓 睿 铭 钧 炜 玮 维 纳 婧 鸣 骅 俐'
).split(' ');

/** Groups of characters read the same (toneless pinyin), as clerks swap them when writing by ear. */
export const HOMOPHONES = [
  '伟 玮 炜 维 为 威',
  '娜 纳',
  '静 婧 晶 菁',
  '军 君 钧 均',
  '明 鸣 铭',
  '华 骅 桦',
  '丽 莉 俐 立',
  '芳 方 芬',
  '敏 闽 民',
  '杰 洁 捷',
  '涛 韬 滔',
  '磊 蕾',
  '宇 雨 羽 玉',
  '婷 庭 亭',
  '欣 馨 新 鑫',
  '晨 辰 臣',
  '佳 嘉 家',
  '怡 宜 仪 怡',
  '张 章',
  '王 汪',
  '徐 许',
  '吴 伍',
  '周 州',
  '杨 阳',
  '刘 柳',
  '李 黎 理',
  '林 凌 琳',
  '陈 程 成',
].map((group) => group.split(' '));

export const TOWNS = [
  { code: '001', name: '大良街道' },
  { code: '002', name: '容桂街道' },
  { code: '003', name: '伦教街道' },
  { code: '004', name: '勒流街道' },
  { code: '005', name: '陈村镇' },
  { code: '006', name: '北滘镇' },
  { code: '007', name: '乐从镇' },
  { code: '008', name: '龙江镇' },
];

export const ROADS = '新桂路 凤山路 华盖路 云路 东康路 南国路 德胜路 碧桂路 文秀路 容奇大道 环城路 建设路'.split(' ');
