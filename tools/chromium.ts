/**
 * How every test and benchmark starts a browser: Debian's Chromium (never a browser
 * downloaded by a test tool), with the flags that keep it quiet on a machine without
 * network access or GPU. `CHROMIUM_PATH` points elsewhere when needed.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};
