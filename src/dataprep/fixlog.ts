/** A log of every data fix and decision the generator makes, printed and written to data/README.md. */
export interface Fix {
  /** Short category, e.g. "misplaced", "district-merged", "wrong-admin1". */
  kind: string;
  /** One line a person can check, naming the GeoNames id(s). */
  message: string;
}

/** Collects fixes in order; deterministic because the generator is. */
export class FixLog {
  readonly fixes: Fix[] = [];

  /** Record one fix. */
  add(kind: string, message: string): void {
    this.fixes.push({ kind, message });
  }

  /** Markdown bullet list grouped by kind, in first-seen order. */
  toMarkdown(): string {
    const kinds = [...new Set(this.fixes.map((f) => f.kind))];
    const out: string[] = [];
    for (const k of kinds) {
      const items = this.fixes.filter((f) => f.kind === k);
      out.push(`- **${k}** (${items.length})`);
      for (const f of items) out.push(`  - ${f.message}`);
    }
    return out.join('\n');
  }
}
