// `npm run eval [NAME…]`: extraction and grading quality, printed as figures beside their
// baselines. Reads ../shared/corpora when present; a section whose data is missing says so.
const sections: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  align: () => import('./align.ts'),
  terms: () => import('./terms.ts'),
  grading: () => import('./grading.ts'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(sections)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n== ${name}`);
  await (await load()).run();
}

export {};
