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
  // The elements follow the page's color-scheme: the toolbar's theme switch shows them on a light or a dark page.
  globalTypes: {
    theme: {
      description: 'Page colour scheme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (story, context) => {
      const dark = context.globals.theme === 'dark';
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
      document.body.style.background = dark ? '#121212' : '';
      document.body.style.color = dark ? '#e8e8ec' : '';
      return story();
    },
  ],
};
export default preview;
