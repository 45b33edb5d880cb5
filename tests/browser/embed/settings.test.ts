// Page-wide settings: a <meta> tag or configure(), shared by every copy of the library on the page.
import { expect } from '@open-wc/testing';
import { configure, setting } from '../../../components/internal/settings.js';

describe('settings', () => {
  const store = () => (globalThis as unknown as Record<symbol, Record<string, unknown>>)[Symbol.for('nn-mathlets.settings')];
  afterEach(() => {
    document.querySelectorAll('meta[name^="nn-mathlets:"]').forEach((m) => m.remove());
    for (const k of Object.keys(store() ?? {})) delete store()[k];
  });

  it('reads a <meta> tag, resolved against the page, when nothing was configured', () => {
    expect(setting('workerUrl')).to.equal(undefined);
    const meta = document.createElement('meta');
    meta.name = 'nn-mathlets:worker-url';
    meta.content = 'static/training.worker.js';
    document.head.append(meta);
    expect(setting('workerUrl')).to.equal(new URL('static/training.worker.js', document.baseURI).href);
  });

  it('configure() wins over the tag, and is seen by every copy of the library (it lives on globalThis)', () => {
    const meta = document.createElement('meta');
    meta.name = 'nn-mathlets:font-base';
    meta.content = '/fonts-from-meta/';
    document.head.append(meta);
    configure({ fontBase: 'https://cdn.example/fonts/' });
    expect(setting('fontBase')).to.equal('https://cdn.example/fonts/');
    expect(store().fontBase).to.equal('https://cdn.example/fonts/');
  });
});
