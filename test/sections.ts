// Runs the named sections of `npm run eval` / `npm run bench` (all when none is named), each
// under a heading, one after the other so their timings do not disturb each other.
export type Sections = Record<string, () => Promise<{ run(): Promise<void> }>>;

export async function runSections(sections: Sections, args: string[]): Promise<void> {
  // Flags (--tune, --no-build) are for the sections themselves to read from process.argv.
  const wanted = args.filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((name) => !(name in sections));
  if (unknown.length) {
    console.error(`unknown section ${unknown.join(', ')}: choose from ${Object.keys(sections).join(', ')}`);
    process.exit(2);
  }
  for (const [name, load] of Object.entries(sections)) {
    if (wanted.length && !wanted.includes(name)) continue;
    console.log(`\n== ${name}`);
    await (await load()).run();
  }
}
