// Rewrites the status labels of content/index.html from the pages themselves: "live" where a page embeds an
// element, "coming" where it still holds its placeholder. Run it after a page gets its element.
import { readFileSync, writeFileSync } from 'node:fs';

const problems = JSON.parse(readFileSync('content/problems.json', 'utf8'));
let index = readFileSync('content/index.html', 'utf8');
for (const { slug } of problems) {
  const page = readFileSync(`content/${slug}.html`, 'utf8');
  const live = /<nn-[a-z-]+[\s>]/.test(page) && !page.includes('data-placeholder');
  index = index.replace(
    new RegExp(`<span class="status [a-z]+" data-status="${slug}">[a-z]+</span>`),
    `<span class="status ${live ? 'live' : 'soon'}" data-status="${slug}">${live ? 'live' : 'coming'}</span>`,
  );
}
writeFileSync('content/index.html', index);
