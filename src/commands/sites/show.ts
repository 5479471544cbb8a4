// `sites show SITE`: a site's detail under the sites noun, where kubectl and gh
// users look for it. The same call and shape as `status SITE`, so the two never drift.
import { siteDetailJson } from '../../render/json.js';
import { renderSiteDetail } from '../../render/site-detail.js';
import type { SiteDetail } from '../../core/model.js';
import { completeWith } from '../completion/dynamic.js';
import { siteDetail } from '../status/status.js';
import type { VerbContext } from '../context.js';
import { defineVerb } from '../verb.js';

export const sitesShow = defineVerb({
  name: 'show',
  description: "one site in detail: its status, assets and open incidents (as `status SITE`)",
  metadata: { examples: ['sites show RUH', 'sites show "king khalid"', 'sites show jeddah --json'] },
  configure(command) {
    command.argument('<site>', 'site id, a fragment of its English or Arabic name, or its city');
    completeWith(command.registeredArguments[0]!, 'sites');
  },
  input: ([site]: [string]): { site: string } => ({ site }),
  run: (input: { site: string }, ctx: Pick<VerbContext, 'client'>): Promise<SiteDetail> => siteDetail(ctx.client(), input.site),
  present: {
    text: (detail, view) => renderSiteDetail(detail, view),
    json: (detail) => siteDetailJson(detail),
  },
});
