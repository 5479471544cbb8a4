import { describe, expect, it } from 'vitest';
import { parseIdentityMap, resolveChatUser } from '../../src/bot/identity.js';
import { onBehalfOf } from '../../src/bot/session.js';
import { UsageError } from '../../src/core/errors.js';

const YAML = `
users:
  slack:U0AHMED: { name: Ahmed, role: officer, lang: ar }
  "teams:7f1c-aad": { name: Sara, role: supervisor }
`;

describe('identity map', () => {
  it('reads YAML and JSON alike', () => {
    const fromYaml = parseIdentityMap(YAML);
    const fromJson = parseIdentityMap(JSON.stringify(fromYaml));
    expect(fromYaml).toEqual({
      users: { 'slack:U0AHMED': { name: 'Ahmed', role: 'officer', lang: 'ar' }, 'teams:7f1c-aad': { name: 'Sara', role: 'supervisor' } },
    });
    expect(fromJson).toEqual(fromYaml);
    expect(parseIdentityMap('')).toEqual({ users: {} });
  });

  it.each([
    ['users: [1, 2', /not valid YAML or JSON/],
    ['users: {slack:U1: {name: A, role: root}}', /slack:U1 has role "root"; use one of viewer, officer, supervisor, admin/],
    ['users: {slack:U1: {role: officer}}', /slack:U1 has no name/],
    ['users: {U1: {name: A, role: officer}}', /"U1" should be slack:<user id>/],
    ['users: {slack:U1: {name: A, role: officer, lang: fr}}', /lang "fr"/],
    ['- a\n- b', /must be an object/],
  ])('refuses %j in one line', (text, message) => {
    expect(() => parseIdentityMap(text)).toThrow(UsageError);
    expect(() => parseIdentityMap(text)).toThrow(message);
  });

  it('unmapped users are viewers with no name; mapped users keep their language over the platform’s', () => {
    const map = parseIdentityMap(YAML);
    expect(resolveChatUser(map, 'slack', 'U0NOBODY', 'ar')).toEqual({ platform: 'slack', userId: 'U0NOBODY', watchfloorName: null, role: 'viewer', lang: 'ar' });
    expect(resolveChatUser(map, 'slack', 'U0AHMED', 'en')).toMatchObject({ watchfloorName: 'Ahmed', role: 'officer', lang: 'ar' });
    expect(resolveChatUser(map, 'teams', '7f1c-aad')).toMatchObject({ watchfloorName: 'Sara', role: 'supervisor', lang: 'en' });
    // The same id on the other platform is someone else.
    expect(resolveChatUser(map, 'teams', 'U0AHMED').role).toBe('viewer');
  });

  it('names the chat user for the audit log in a value HTTP headers can carry', () => {
    const user = resolveChatUser(parseIdentityMap('users: {slack:U1: {name: أحمد, role: officer}}'), 'slack', 'U1');
    const header = onBehalfOf(user);
    expect(header).toMatch(/^slack:U1 \(%[0-9A-F%]+\)$/);
    expect(decodeURIComponent(header)).toBe('slack:U1 (أحمد)');
  });
});
