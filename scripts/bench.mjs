// `npm run bench`: runs every tests/bench/*.bench.ts (each in its own Node process, so one cannot warm the
// other's JIT), prints one table, and writes bench-results.json. Benchmarks measure; they never fail on time.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync, readFileSync, mkdirSync, rmSync } from 'node:fs';

const filter = process.argv[2];
const files = readdirSync('tests/bench')
  .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.bench.mjs'))
  .filter((f) => !filter || f.includes(filter))
  .sort();
mkdirSync('.tmp', { recursive: true });
const rows = [];
const speedup = (r) => (r.unit.endsWith('/s') ? r.value / r.baseline.value : r.baseline.value / r.value);
let failures = 0;
for (const file of files) {
  const out = `.tmp/bench-${file}.json`;
  rmSync(out, { force: true });
  const runner = `const m = await import(${JSON.stringify('./tests/bench/' + file)});
    const rows = await m.default();
    (await import('node:fs')).writeFileSync(${JSON.stringify(out)}, JSON.stringify(rows));`;
  process.stdout.write(`running ${file} ... `);
  const r = spawnSync('node', ['--import', 'tsx', '--input-type=module', '-e', runner], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: process.cwd(),
  });
  if (r.status !== 0) {
    failures++;
    console.log('failed');
    continue;
  }
  const got = JSON.parse(readFileSync(out, 'utf8'));
  console.log(`${got.length} rows`);
  for (const row of got) rows.push({ file, ...row });
}

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));
const table = rows.map((r) => ({
  benchmark: r.name,
  value: `${fmt(r.value)} ${r.unit}`,
  target: r.target ?? '',
  baseline: r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}` : '',
  // "× faster than the baseline": for a rate (unit ending in /s) more is faster, for a time less is.
  ratio: r.baseline ? `${fmt(speedup(r))}×` : '',
  note: r.note ?? '',
}));
console.table(table);
writeFileSync(
  'bench-results.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      rows: rows.map((r) => (r.baseline ? { ...r, speedupOverBaseline: speedup(r) } : r)),
    },
    null,
    2,
  ),
);
console.log('wrote bench-results.json');
process.exit(failures ? 1 : 0);
