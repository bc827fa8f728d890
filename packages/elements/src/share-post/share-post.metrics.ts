import { distance } from 'fastest-levenshtein';
import { SHARE_NETWORKS } from './share-networks.ts';
import type { ShareDetail, SharePostCreateDetail } from './share-post.ts';
import type { GuardFinding } from '../services/text-services.ts';
import { countByCategory } from '../metrics/guard-counts.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';
import type { SharePostSharedMetric } from '../metrics/metric-types.ts';

/** Share post: posts written (with their guard findings) and shared, with how much the shopper changed the model's post. */
export const sharePostMetrics: MetricRecipe = ({ host, emit, listen }) => {
  let generated = '';
  listen<CustomEvent<SharePostCreateDetail>>(host, 'cw-share-post-create', ({ detail }) => {
    generated = detail.text;
    const findings = (host as HTMLElement & { findings?: readonly GuardFinding[] }).findings ?? [];
    emit({ name: 'share-post-created', length: detail.text.length, findings: findings.length });
    emit({ name: 'guard-findings', stage: 'share-post', ...countByCategory(findings) });
  });
  listen<CustomEvent<ShareDetail>>(host, 'cw-share', (event) => {
    const { channel, text } = event.detail;
    // The page may still veto the share in a later listener: count it once every listener has run.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      const kind = channel === 'native' ? 'native' : channel === 'copy' ? 'copy' : 'link';
      const network: SharePostSharedMetric['network'] =
        kind !== 'link' ? 'none' : Object.hasOwn(SHARE_NETWORKS, channel) ? (channel as SharePostSharedMetric['network']) : 'custom';
      emit({ name: 'share-post-shared', channel: kind, network, length: text.length, editDistance: distance(generated, text) });
    });
  });
};
