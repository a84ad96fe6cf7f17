import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
/** Names seen, with their key: a district's names repeat (王伟, 李娜 …), and their pinyin need not be worked out again for each person. */
const KEYS = new Map<string, string | null>();
const KEYS_MAX = 200_000;

/**
 * The search key of a name: toneless pinyin without spaces, reading the first character as a
 * surname (单 shan, 曾 zeng, 解 xie, 区 ou …), so 张伟 / 章伟 / "zhang wei" share `zhangwei`.
 */
export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  let key = KEYS.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    // Past the bound, start again rather than grow: what repeats is found again at once.
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    KEYS.set(name, key);
  }
  return key;
}

function computeNameKey(name: string): string | null {
  const text = name.normalize('NFKC').trim();
  if (!text) return null;
  if (!HAN.test(text)) return text.toLowerCase().replace(/[^a-z]/g, '') || null;
  return pinyin(text, { toneType: 'none', surname: 'head', type: 'array', nonZh: 'removed', v: true }).join('').toLowerCase() || null;
}
