// Writes .cache/custom-elements.json from the elements' JSDoc (Storybook's docs read it) and, with --dist DIR, the
// files made from it into DIR: custom-elements.json, VS Code's HTML and CSS custom data, web-types.json
// (JetBrains) and react.d.ts (JSX typings for React 19).
//   node scripts/manifest.mjs [--dist DIR]
// The analyzer reads the JSDoc; this script then gives every member its type as TypeScript resolves it (so
// `(typeof ACTIVATIONS)[number]` reads as its names), every event its class, every element the shared --nn-*
// theme properties, and points modules at the files the package ships (dist/elements/<tag>.js).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { writeOutputs } from './manifest-outputs.mjs';

const args = process.argv.slice(2);
const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : undefined;

mkdirSync('.cache', { recursive: true });
try {
  execFileSync('npx', ['custom-elements-manifest', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} catch (e) {
  console.error('custom-elements-manifest failed:', e.message);
  process.exit(1);
}
const raw = existsSync('.cache/custom-elements.json')
  ? JSON.parse(readFileSync('.cache/custom-elements.json', 'utf8'))
  : { schemaVersion: '1.0.0', modules: [] };

/** Event name → its class, from components/events/*.ts (`static readonly eventName = '…'`). */
function eventClasses() {
  const map = { input: 'Event', change: 'Event' };
  for (const f of readdirSync('components/events').filter((f) => f.startsWith('nn-') && f.endsWith('.ts'))) {
    const text = readFileSync(join('components/events', f), 'utf8');
    const cls = text.match(/export class (\w+) extends/)?.[1];
    const name = text.match(/static readonly eventName = '([^']+)'/)?.[1];
    if (cls && name) map[name] = cls;
  }
  return map;
}

/** The shared theme properties: the `@cssprop` lines of components/internal/styles.ts. */
function themeProperties() {
  const text = readFileSync('components/internal/styles.ts', 'utf8');
  return [...text.matchAll(/@cssprop (--[\w-]+) - ([^\n]+(?:\n \*   [^\n]+)*)/g)].map(([, name, d]) => ({
    name,
    description: d.replace(/\n \*\s+/g, ' ').trim(),
  }));
}

/** Each element class's public members' types as the TypeScript checker prints them. */
function resolvedTypes(files) {
  const cfg = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram(files, { ...cfg.options, noEmit: true });
  const checker = program.getTypeChecker();
  const flags =
    ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;
  const out = new Map();
  for (const file of files) {
    const source = program.getSourceFile(file);
    ts.forEachChild(source, (node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(node.name));
      const members = new Map();
      for (const prop of type.getProperties()) {
        const t = checker.getTypeOfSymbolAtLocation(prop, node);
        members.set(prop.name, checker.typeToString(t, node, flags));
      }
      out.set(node.name.text, members);
    });
  }
  return out;
}

const elementModules = raw.modules.filter((m) => m.declarations?.some((d) => d.customElement));
const types = resolvedTypes(elementModules.map((m) => m.path));
const events = eventClasses();
const theme = themeProperties();
const modules = [];
for (const mod of elementModules) {
  for (const d of mod.declarations.filter((d) => d.customElement)) {
    const tag = d.tagName;
    // Without a tag name the element has no docs page and no typings: report it (the manifest test fails too).
    if (!tag) {
      console.error(`manifest: ${mod.path} declares ${d.name} without @tagname`);
      continue;
    }
    const path = `dist/elements/${tag}.js`;
    const memberTypes = types.get(d.name) ?? new Map();
    const typed = (m) => (memberTypes.has(m.name) && m.kind === 'field' ? { ...m, type: { text: memberTypes.get(m.name) } } : m);
    const members = (d.members ?? [])
      .filter((m) => !m.privacy && !m.static)
      .map((m) => {
        const { inheritedFrom, ...rest } = typed(m);
        return inheritedFrom ? { ...rest, inheritedFrom: { name: inheritedFrom.name, module: 'dist/index.js' } } : rest;
      });
    const attributes = (d.attributes ?? []).map((a) =>
      a.fieldName && memberTypes.has(a.fieldName) ? { ...a, type: { text: memberTypes.get(a.fieldName) } } : a,
    );
    const own = new Set((d.cssProperties ?? []).map((p) => p.name));
    const declaration = {
      ...d,
      members,
      attributes,
      events: (d.events ?? []).map((e) => ({ ...e, type: { text: events[e.name] ?? 'Event' } })),
      cssProperties: [...(d.cssProperties ?? []), ...theme.filter((p) => !own.has(p.name))],
      superclass: { name: 'NnElement', module: 'dist/index.js' },
    };
    modules.push({
      kind: 'javascript-module',
      path,
      declarations: [declaration],
      exports: [
        { kind: 'js', name: d.name, declaration: { name: d.name, module: path } },
        { kind: 'custom-element-definition', name: tag, declaration: { name: d.name, module: path } },
      ],
    });
  }
}
modules.sort((a, b) => a.path.localeCompare(b.path));

// `@csspart boundary-* - … <nn-boundary> …` documents a nested element's parts, exported with a prefix: each is
// listed under its own name, described by the nested element's JSDoc (nested ones expanded first).
const byTag = new Map(modules.map((m) => [m.declarations[0].tagName, m.declarations[0]]));
function expandParts(d, seen = new Set()) {
  if (seen.has(d.tagName)) return d.cssParts ?? [];
  seen.add(d.tagName);
  d.cssParts = (d.cssParts ?? []).flatMap((part) => {
    if (!part.name.endsWith('-*')) return [part];
    const inner = byTag.get(part.description?.match(/<(nn-[a-z-]+)>/)?.[1]);
    if (!inner) throw new Error(`manifest: <${d.tagName}> documents ${part.name} but names no element it nests`);
    const prefix = part.name.slice(0, -1);
    return expandParts(inner, seen).map((p) => ({ name: `${prefix}${p.name}`, description: `${p.description} (its <${inner.tagName}>'s \`${p.name}\`)` }));
  });
  return d.cssParts;
}
for (const d of byTag.values()) expandParts(d);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = { schemaVersion: raw.schemaVersion ?? '1.0.0', readme: 'README.md', modules };
writeFileSync('.cache/custom-elements.json', JSON.stringify(manifest, null, 2));
if (dist) writeOutputs(manifest, dist, pkg);
