// Writes .cache/custom-elements.json from the elements' JSDoc (Storybook's docs read it; the build copies it to
// dist/). An empty manifest is written when there are no elements yet, so Storybook always starts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

mkdirSync('.cache', { recursive: true });
try {
  execFileSync('npx', ['custom-elements-manifest', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} catch (e) {
  console.error('custom-elements-manifest failed:', e.message);
  process.exit(1);
}
if (!existsSync('.cache/custom-elements.json')) {
  writeFileSync('.cache/custom-elements.json', JSON.stringify({ schemaVersion: '1.0.0', modules: [] }));
}
