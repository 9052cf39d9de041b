/** Keep the generated part of data/README.md (the fix list and the counts) in sync with the generator. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- generated:start -->';
const END = '<!-- generated:end -->';

/** Replace the text between the generated markers of `path` (or append the markers if missing). */
export function updateGeneratedSection(path: string, body: string): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const block = `${START}\n${body.trim()}\n${END}`;
  const i = text.indexOf(START);
  const j = text.indexOf(END);
  const next = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + END.length) : `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}\n${block}\n`;
  writeFileSync(path, next);
}
