// The element manifest (dist/custom-elements.json) that Storybook's docs and editors read.
export default {
  globs: ['components/**/*.component.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: '.cache',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
