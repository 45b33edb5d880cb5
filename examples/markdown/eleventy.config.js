// An Eleventy site whose Markdown pages embed the elements. The CDN build is copied from the installed package
// to /nn-mathlets/ on the site, so the site serves every file itself (no third-party origin at runtime).
export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ 'node_modules/nn-mathlets/dist/cdn': 'nn-mathlets' });
  return { dir: { input: 'markdown', output: 'markdown/_site', includes: '_includes' } };
}
