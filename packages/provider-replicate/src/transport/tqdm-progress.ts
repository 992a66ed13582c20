/** A tqdm progress bar line: ` 45%|████▌     | 45/100 [00:02<00:03, 20.1it/s]`. */
const TQDM = /^\s*(\d{1,3})%\s*\|.*?\|\s*\d+\/\d+/;

/**
 * The progress the model last printed with tqdm, in percent, or undefined when it prints none.
 * Bars redraw with carriage returns, so the last bar of the last line wins.
 */
export function tqdmPercent(logs: string): number | undefined {
  const lines = logs.split(/\r\n|\n|\r/);
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = TQDM.exec(lines[index] as string);
    if (match) return Math.min(100, Number(match[1]));
  }
  return undefined;
}
