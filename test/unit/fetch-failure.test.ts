import { describe, expect, it } from 'vitest';
import { loadModel } from '@cowrite/core';
import { HttpFileStore } from '../../packages/core/src/model/store/http-store.ts';

/** The hub-unreachable message must say what happened, not blame CORS for a DNS failure. */
describe('a failed model fetch explains itself', () => {
  const failingWith = (error: Error) => new HttpFileStore('https://huggingface.co/Xenova/gpt2/resolve/main/', { retries: 0, fetch: () => Promise.reject(error) });

  it('DNS (Node names it ENOTFOUND): says the host name did not resolve, and does not mention CORS', async () => {
    const dns = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND huggingface.co'), { code: 'ENOTFOUND' }) });
    const error = (await failingWith(dns).read('config.json').catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ code: 'NETWORK' });
    expect(error.message).toContain('huggingface.co could not be resolved (DNS)');
    expect(error.message).not.toContain('CORS');
  });

  it('a real unresolvable host (.invalid never resolves) is reported as DNS', async () => {
    const store = new HttpFileStore('http://cowrite-unreachable.invalid/model/', { retries: 0 });
    const error = (await store.read('config.json').catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/cowrite-unreachable\.invalid could not be resolved \(DNS\)/);
    expect(error.message).not.toContain('CORS');
  });

  it("a browser's bare \"Failed to fetch\" lists every possible cause instead of blaming CORS", async () => {
    const error = (await failingWith(new TypeError('Failed to fetch')).read('config.json').catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('no network, a host name that does not resolve, a firewall, or a server that does not allow this origin (CORS)');
    expect(error.message).not.toMatch(/Check the network and that the server allows this origin/);
  });

  it('reaches loadModel callers as a typed NETWORK error', async () => {
    await expect(loadModel({ source: failingWith(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })) })).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('refused the connection'),
    });
  });
});
