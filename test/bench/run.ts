// `npm run bench [NAME…]`: speed and size, each figure beside its floor or baseline measured in
// the same run. Heavy by design; never part of `npm test`.
const sections: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  extract: () => import('./extract.ts'),
  drill: () => import('./drill.ts'),
  client: () => import('./client-size.ts'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(sections)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n== ${name}`);
  await (await load()).run();
}

export {};
