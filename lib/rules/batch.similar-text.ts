import { SIMILAR_THRESHOLD } from '../batch/similar';
import { defineRule, finding } from './define';

/**
 * Copying between units: evaluators deduct for reports “与往年或与其他单位雷同” (国办公开办函〔2019〕60号
 * names 内容雷同). Which reports of a batch copy each other is found once for the whole batch
 * (lib/batch/similar.ts: near-linear, template sentences, agency names and numbers left out); this
 * rule states it on each report of the pair or cluster, naming the others and the shared share.
 */
export default defineRule({
  id: 'batch.similar-text',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    const similar = report.similar;
    if (!report.isReport || !similar || similar.peers.length === 0) return [];
    // Another year's report is named with its year (a unit copying a neighbour's report of the year before).
    const peers = similar.peers.map((peer) => `「${peer.agency ?? peer.source}」${peer.year !== null && peer.year !== report.year ? `（${peer.year}）` : ''}`).join('、');
    return [finding('batch.similar-text', 'warning', {
      expected: Math.round(SIMILAR_THRESHOLD * 100), actual: Math.round(similar.share * 100), text: similar.passages[0] ?? null,
      data: { peers, count: similar.peers.length, group: similar.group },
    })];
  },
});
