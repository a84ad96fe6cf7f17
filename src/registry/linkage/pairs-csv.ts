/** PAIRS.csv (docs/interfaces): header `id_a,id_b,score`, one row per matched pair, score = probability to 4 decimals. */
export function formatPairsCsv(pairs: Iterable<{ a: string; b: string; probability: number }>): string {
  const lines = ['id_a,id_b,score'];
  for (const pair of pairs) lines.push(`${csvCell(pair.a)},${csvCell(pair.b)},${pair.probability.toFixed(4)}`);
  return `${lines.join('\n')}\n`;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
