import { InputError } from '../shared/errors.js';

/**
 * Minimal flag parser: `--name value`, `--name=value`, and boolean `--flag`.
 * Unknown flags are an error so that a typo never silently changes a run.
 */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], known: { values?: string[]; booleans?: string[] } = {}): ParsedArgs {
  const values = new Set(known.values ?? []);
  const booleans = new Set(known.booleans ?? []);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (booleans.has(name)) {
      flags.set(name, true);
      continue;
    }
    if (!values.has(name)) throw new InputError(`unknown option --${name}`, name);
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new InputError(`option --${name} needs a value`, name);
    flags.set(name, value);
  }
  return { positional, flags };
}

export function flagString(args: ParsedArgs, name: string, fallback?: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : fallback;
}

export function flagNumber(args: ParsedArgs, name: string, fallback?: number): number | undefined {
  const v = args.flags.get(name);
  if (typeof v !== 'string') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new InputError(`--${name} must be a number, got "${v}"`, name);
  return n;
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const v = flagString(args, name);
  if (v === undefined) throw new InputError(`--${name} is required`, name);
  return v;
}
