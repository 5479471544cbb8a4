// Playbooks, read side: what the hub can run, one playbook whole, its versions
// over time, the playbooks an incident calls for, and a file checked by the
// loader's own rules (POST /v1/playbooks/validate takes the YAML as its body
// and answers the same errors `playbook validate` prints; it keeps nothing).
// Everything here reads, so a viewer may.
import type { FastifyInstance } from 'fastify';
import { NotFoundError, UsageError } from '../../../core/errors.js';
import type { PlaybookProposal, PlaybookValidation } from '../../../core/model.js';
import { editDistance } from '../../../core/text.js';
import type { HubContext } from '../../context.js';
import { incidentNotFound } from '../../incidents/incident-actions.js';
import { catalogOf, definitionHash, type PlaybookCatalog } from '../../playbooks/catalog.js';
import { journalRuns, playbookHistory } from '../../playbooks/history.js';
import { MAX_PLAYBOOK_BYTES, parsePlaybook } from '../../playbooks/parse-playbook.js';
import { incidentProposals } from '../../playbooks/proposals.js';
import { playbookDetail, playbookSummary } from '../../playbooks/summaries.js';
import { IdParams, NoQuery, ValidatePlaybookQuery } from '../schemas.js';
import { parseInput } from '../validate.js';

const NO_PLAYBOOKS = catalogOf([]);
// JSON is YAML too, so a JSON body is read by the same parser, with lines.
const PLAYBOOK_BODY_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain', 'application/json'];

function playbookNotFound(catalog: PlaybookCatalog, id: string): NotFoundError {
  const near = catalog
    .list()
    .map((e) => e.definition.id)
    .map((candidate) => ({ candidate, d: editDistance(id.toLowerCase(), candidate) }))
    .filter(({ d }) => d <= 3)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ candidate }) => candidate);
  return new NotFoundError(`no playbook ${id}`, {
    hint: near.length ? `did you mean ${near.join(', ')}?` : 'list them with `watchfloor playbook list`',
    details: { suggestions: near },
  });
}

export function registerPlaybookRoutes(app: FastifyInstance, ctx: HubContext): void {
  const viewer = { config: { role: 'viewer' as const } };
  const catalog = () => ctx.playbooks ?? NO_PLAYBOOKS;
  const idOf = (params: unknown) => parseInput(IdParams, params, 'playbook id').id;

  app.get('/v1/playbooks', viewer, async (request) => {
    parseInput(NoQuery, request.query, 'query');
    return { playbooks: catalog().list().map(playbookSummary) };
  });

  app.get('/v1/playbooks/:id', viewer, async (request) => {
    const id = idOf(request.params);
    const entry = catalog().get(id);
    if (!entry) throw playbookNotFound(catalog(), id);
    return { playbook: playbookDetail(entry) };
  });

  app.get('/v1/playbooks/:id/history', viewer, async (request) => {
    const id = idOf(request.params);
    const history = await playbookHistory(ctx.store, catalog(), journalRuns(ctx.store), id);
    if (!history) throw playbookNotFound(catalog(), id);
    return history;
  });

  app.get('/v1/incidents/:id/playbooks', viewer, async (request): Promise<{ proposals: PlaybookProposal[] }> => {
    const id = parseInput(IdParams, request.params, 'incident id').id;
    const incident = await ctx.store.getIncident(id);
    if (!incident) throw incidentNotFound(id);
    return { proposals: await incidentProposals(ctx.store, catalog(), incident) };
  });

  // Its own scope: here a body is the file's text, whatever it claims to be.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(PLAYBOOK_BODY_TYPES, { parseAs: 'string', bodyLimit: MAX_PLAYBOOK_BYTES }, (_request, body, done) => done(null, body));
    // Fastify's own refusal would say to send JSON; this route takes a file.
    scope.addContentTypeParser('*', (request, _payload, done) =>
      done(
        new UsageError(`a playbook is sent as YAML (or JSON), not ${String(request.headers['content-type']).split(';')[0]}`, {
          hint: 'send the file as the body with content-type application/yaml',
        }),
      ),
    );
    scope.post('/v1/playbooks/validate', { ...viewer, bodyLimit: MAX_PLAYBOOK_BYTES }, async (request): Promise<PlaybookValidation> => {
      const { name } = parseInput(ValidatePlaybookQuery, request.query, 'query');
      const text = typeof request.body === 'string' ? request.body : '';
      const parsed = parsePlaybook(text, name ?? 'playbook.yaml');
      return {
        playbooks: parsed.definition
          ? [{ file: name ?? 'playbook.yaml', id: parsed.definition.id, version: parsed.definition.version, hash: definitionHash(parsed.definition) }]
          : [],
        errors: parsed.errors,
      };
    });
  });
}
