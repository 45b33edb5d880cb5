import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
// Written by scripts/manifest.mjs before Storybook starts, so the docs show every element's JSDoc.
import manifest from '../.cache/custom-elements.json';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
  tags: ['autodocs'],
};
export default preview;
