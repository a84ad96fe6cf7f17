import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/**
 * The search key of a name: toneless pinyin without spaces, reading the first character as a
 * surname (单 shan, 曾 zeng, 解 xie, 区 ou …), so 张伟 / 章伟 / "zhang wei" share `zhangwei`.
 */
export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const text = name.normalize('NFKC').trim();
  if (!text) return null;
  if (!HAN.test(text)) return text.toLowerCase().replace(/[^a-z]/g, '') || null;
  return pinyin(text, { toneType: 'none', surname: 'head', type: 'array', nonZh: 'removed', v: true }).join('').toLowerCase() || null;
}
