// The custom-elements manifest and what is made from it, as shipped: every element under components/ documented,
// typed and pointing at files that exist, and every type the elements' public API uses importable.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { NESTED_PARTS } from '../../components/internal/parts.js';
import { ensurePacked, EMBED_DIR, PACKAGE_DIR } from './packed.js';

interface Entry {
  name: string;
  description?: string;
  type?: { text: string };
  kind?: string;
  readonly?: boolean;
}
interface Declaration extends Entry {
  tagName?: string;
  summary?: string;
  customElement?: boolean;
  members?: Entry[];
  attributes?: Entry[];
  events?: Entry[];
  cssParts?: Entry[];
  cssProperties?: Entry[];
}
interface Manifest {
  modules: { path: string; declarations: Declaration[]; exports: { kind: string; name: string }[] }[];
}

let manifest: Manifest;
let elements: Declaration[];
/** Every element folder: components/<tag>/ with <tag>.component.ts. */
const TAGS = readdirSync('components')
  .filter((d) => d.startsWith('nn-') && existsSync(join('components', d, `${d}.component.ts`)))
  .sort();

before(() => {
  ensurePacked();
  manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'dist/custom-elements.json'), 'utf8'));
  elements = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement));
});

test('every element under components/ is in the manifest, with a summary and a description', () => {
  assert.ok(TAGS.length >= 13, `only ${TAGS.length} element folders found`);
  const byTag = new Map(elements.map((d) => [d.tagName, d]));
  for (const tag of TAGS) {
    const d = byTag.get(tag);
    assert.ok(d, `<${tag}> is missing from custom-elements.json (is @tagname in its JSDoc?)`);
    assert.ok(d.summary?.trim(), `<${tag}> has no @summary`);
    assert.ok(d.description?.trim(), `<${tag}> has no description`);
  }
  assert.deepEqual([...byTag.keys()].sort(), TAGS);
});

test('attributes, properties, events, parts and custom properties are described and typed', () => {
  for (const d of elements) {
    const where = `<${d.tagName}>`;
    for (const m of (d.members ?? []).filter((m) => m.kind === 'field')) {
      assert.ok(m.description?.trim(), `${where} property ${m.name} has no description`);
      assert.ok(m.type?.text, `${where} property ${m.name} has no type`);
      assert.doesNotMatch(m.type!.text, /typeof |import\(/, `${where} property ${m.name}: ${m.type!.text}`);
    }
    for (const a of d.attributes ?? []) assert.ok(a.description?.trim(), `${where} attribute ${a.name} has no description`);
    assert.ok(d.events?.some((e) => e.name === 'nn-error' || e.name === 'change'), `${where} documents no events`);
    for (const e of d.events ?? []) {
      assert.ok(e.description?.trim(), `${where} event ${e.name} has no description`);
      assert.match(e.type?.text ?? '', /^(Event|Nn\w+Event)$/, `${where} event ${e.name} has no class`);
    }
    assert.ok(d.cssParts?.some((p) => p.name === 'error'), `${where} documents no error part`);
    for (const p of [...(d.cssParts ?? []), ...(d.cssProperties ?? [])]) assert.ok(p.description?.trim(), `${where} ${p.name} has no description`);
    // The shared theme is documented on every element.
    for (const name of ['--nn-fg', '--nn-muted', '--nn-focus', '--nn-gold']) {
      assert.ok(d.cssProperties?.some((p) => p.name === name), `${where} does not list ${name}`);
    }
  }
});

test('nested elements export every part they document, and the outer element documents them', () => {
  const byTag = new Map(elements.map((d) => [d.tagName, d]));
  for (const [tag, names] of Object.entries(NESTED_PARTS)) {
    const documented = (byTag.get(tag)?.cssParts ?? []).map((p) => p.name);
    const missing = documented.filter((n) => !(names as readonly string[]).includes(n));
    assert.deepEqual(missing, [], `components/internal/parts.ts does not export these parts of <${tag}>`);
  }
  const mathlet = byTag.get('nn-mathlet')!.cssParts!.map((p) => p.name);
  assert.ok(mathlet.includes('boundary-probe') && mathlet.includes('network-slider'), mathlet.join(' '));
  const trainer = byTag.get('nn-trainer')!.cssParts!.map((p) => p.name);
  assert.ok(trainer.includes('gradient-curves-plot'), trainer.join(' '));
  for (const d of elements) assert.ok(!d.cssParts?.some((p) => p.name.endsWith('*')), `<${d.tagName}> has an unexpanded part`);
});

test('module paths are files the package ships, exporting the class and defining the tag', () => {
  for (const m of manifest.modules) {
    assert.ok(existsSync(join(PACKAGE_DIR, m.path)), `${m.path} is not in the package`);
    const d = m.declarations[0];
    assert.ok(m.exports.some((e) => e.kind === 'js' && e.name === d.name));
    assert.ok(m.exports.some((e) => e.kind === 'custom-element-definition' && e.name === d.tagName));
    assert.match(readFileSync(join(PACKAGE_DIR, m.path), 'utf8'), new RegExp(`\\b${d.name}\\b`));
  }
});

test('the editor files and JSX typings made from it name every element', () => {
  const dist = join(PACKAGE_DIR, 'dist');
  const html = JSON.parse(readFileSync(join(dist, 'vscode.html-custom-data.json'), 'utf8'));
  assert.deepEqual(html.tags.map((t: { name: string }) => t.name).sort(), TAGS);
  const css = JSON.parse(readFileSync(join(dist, 'vscode.css-custom-data.json'), 'utf8'));
  assert.ok(css.properties.some((p: { name: string }) => p.name === '--nn-fg'));
  assert.ok(css.pseudoElements.some((p: { name: string }) => p.name === '::part(error)'));
  const web = JSON.parse(readFileSync(join(dist, 'web-types.json'), 'utf8'));
  assert.deepEqual(web.contributions.html.elements.map((e: { name: string }) => e.name).sort(), TAGS);
  const jsx = readFileSync(join(dist, 'react.d.ts'), 'utf8');
  for (const tag of TAGS) assert.match(jsx, new RegExp(`'${tag}': NnElementProps<`));
});

/** Type-checks `code` as a consumer file that has the packed package installed; returns the diagnostics. */
function typecheck(code: string): string[] {
  const dir = join(EMBED_DIR, 'typecheck');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(PACKAGE_DIR, join(dir, 'node_modules', 'nn-mathlets'), 'dir');
  // A project of its own: without it, resolution would walk up to this checkout's package.json (a self-reference).
  writeFileSync(join(dir, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  const file = join(dir, 'consumer.ts');
  writeFileSync(file, code);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    skipLibCheck: false,
    experimentalDecorators: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || d.file.fileName === file || d.file.fileName.includes('/nn-mathlets/') || d.file.fileName.includes('/package/dist/'))
    .map((d) => `${d.file ? `${d.file.fileName.split('/').slice(-2).join('/')}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

test('every type a public property or event uses is exported from nn-mathlets and beside each element', () => {
  const builtins = new Set(['Event', 'Record', 'Float64Array', 'Array', 'ReadonlyArray', 'Promise', 'HTMLElement', 'Readonly']);
  const names = new Set<string>();
  for (const d of elements) {
    for (const x of [...(d.members ?? []), ...(d.attributes ?? []), ...(d.events ?? [])]) {
      // String literals ('ExponentialDecay') are values, not type names.
      const text = x.type?.text.replace(/'[^']*'|"[^"]*"/g, '') ?? '';
      for (const id of text.match(/\b[A-Z]\w*/g) ?? []) if (!builtins.has(id)) names.add(id);
    }
  }
  assert.ok(names.has('NetParams') && names.has('NnErrorEvent'));
  const list = [...names].sort();
  const problems = typecheck(
    [
      `import type { ${list.join(', ')} } from 'nn-mathlets';`,
      `export type All = [${list.join(', ')}];`,
      ...TAGS.map((tag, i) => `import type * as T${i} from 'nn-mathlets/elements/${tag}';\nexport type E${i} = [${list.map((id) => `T${i}.${id}`).join(', ')}];`),
      "// The tag map and the event map come with one element's import.",
      "import 'nn-mathlets/elements/nn-mathlet';",
      "const el: HTMLElementTagNameMap['nn-mathlet'] = document.createElement('nn-mathlet');",
      "el.addEventListener('nn-error', (e) => console.log(e.message, e.detail.attribute));",
      "el.addEventListener('nn-param-change', (e) => console.log(e.key, e.value));",
      'el.params = { ...el.params };',
    ].join('\n'),
  );
  assert.deepEqual(problems, []);
});
