import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json' with { type: 'json' };
import '@cowrite/elements/define';
import { publicManifest } from './public-manifest.ts';

// Controls and the docs tables (properties, events, slots, parts, CSS custom properties) come from the
// manifest, reduced to the public surface: designers see the properties a page can set, nothing internal.
setCustomElementsManifest(publicManifest(manifest));

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
