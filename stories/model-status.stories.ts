import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { CwModelStatus, EngineLoader } from '@cowrite/elements';
import { createElement, failingDownload, framed, scripted, shadowOf, stalledDownload, tinyModelLoader, withProvider } from './support.ts';
import type { Frame } from './support.ts';

type Args = Partial<CwModelStatus> & Frame & { loader?: EngineLoader };

function render(args: Args): HTMLElement {
  const { theme, dir, lang, loader, ...props } = args;
  const status = createElement<CwModelStatus>('cw-model-status', props);
  return framed(loader ? withProvider(status, loader) : status, { theme, dir, lang });
}

function statusOf(canvasElement: HTMLElement): CwModelStatus {
  return canvasElement.querySelector('cw-model-status') as CwModelStatus;
}

const meta: Meta<Args> = { title: 'Elements/Model status', component: 'cw-model-status', render };
export default meta;
type Story = StoryObj<Args>;

export const Idle: Story = {};

export const Downloading: Story = {
  args: { loader: stalledDownload(1_420_000, 3_396_012) },
  play: async ({ canvasElement }) => {
    const status = statusOf(canvasElement);
    await waitFor(() => expect(shadowOf(status).querySelector('progress')?.value).toBe(42));
  },
};

export const Ready: Story = { args: { loader: () => Promise.resolve(scripted()) } };

/** Retry runs the same loader again: here the second attempt succeeds. */
export const ErrorWithRetry: Story = {
  args: {
    loader: (() => {
      let attempts = 0;
      return (context) => (++attempts === 1 ? failingDownload()(context) : Promise.resolve(scripted()));
    })(),
  },
  play: async ({ canvasElement }) => {
    const status = statusOf(canvasElement);
    await waitFor(() => expect(status.status).toBe('error'));
    await userEvent.click(shadowOf(status).querySelector('[part~=retry-button]') as HTMLButtonElement);
    await waitFor(() => expect(status.status).toBe('ready'));
  },
};

export const ErrorState: Story = { args: { loader: failingDownload() } };
export const Dark: Story = { args: { loader: stalledDownload(2_000_000, 3_396_012), theme: 'dark' } };
export const RightToLeft: Story = { args: { loader: stalledDownload(2_000_000, 3_396_012), dir: 'rtl' } };
export const SimplifiedChinese: Story = { args: { loader: stalledDownload(2_000_000, 3_396_012), lang: 'zh' } };

export const RealTinyModel: Story = {
  args: { loader: tinyModelLoader },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(statusOf(canvasElement).status).toBe('ready'), { timeout: 30_000 });
  },
};
