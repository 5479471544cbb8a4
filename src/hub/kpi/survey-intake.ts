// Travellers' satisfaction survey answers, as kiosks, apps and the SMS
// gateway post them (an intake token, as telemetry): a batch is stored whole
// or not at all. An answer is counted at its own time, but never later than
// the hub received it: a sender's clock ahead of the hub's (or the demo's
// fast one) cannot push answers into a period that has not come yet.
import type { SurveyAnswer } from '../../core/model.js';
import { canonicalSiteIds } from '../known-sites.js';
import { transact, type TransactDeps } from '../transact.js';

export async function ingestSurveyAnswers(deps: TransactDeps, answers: readonly SurveyAnswer[]): Promise<number> {
  return transact(deps, async (tx) => {
    const ids = await canonicalSiteIds(tx, answers.map((a) => a.siteId));
    const receivedAt = deps.now().toISOString();
    await tx.insertSurveyAnswers(
      answers.map((a, i) => ({ ...a, siteId: ids[i]!, at: a.at < receivedAt ? a.at : receivedAt, receivedAt })),
    );
    return answers.length;
  });
}
