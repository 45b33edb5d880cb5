import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The real CIFAR-10 subset from ../shared/data is served beside the stories, as a course site would host it.
  // The course's base model for transfer learning is served where the course pages find it.
  staticDirs: [
    { from: '../../shared/data', to: '/shared-data' },
    { from: '../content/models', to: '/content/models' },
  ],
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(config, {
      // TensorFlow.js's ESM build imports CommonJS packages: let Vite pre-bundle them, and Lit once.
      optimizeDeps: {
        include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', 'lit', 'lit/decorators.js', 'katex'],
      },
    });
  },
};
export default config;
