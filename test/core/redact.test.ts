// What redact() masks and what it leaves readable: a log line or an error must
// still say where and what, without the credential.
import { describe, expect, it } from 'vitest';
import { hasUserinfo, redact } from '../../src/core/redact.js';

const HUB_TOKEN = 'wf_5ac2Wx3I_GZsgn4I6FwpLzaqWdVpbGgPkj9HLOLQZ48';

describe('redact', () => {
  it('masks a URL password, keeping the user, host, port and path', () => {
    expect(redact('http://duty:hunter2@hub.example:7474/v1')).toBe('http://duty:****@hub.example:7474/v1');
    expect(redact('cannot reach https://a:b@10.0.0.1 (ECONNREFUSED)')).toBe('cannot reach https://a:****@10.0.0.1 (ECONNREFUSED)');
    // A raw @ in the password: the authority ends at the last one.
    expect(redact('http://u:p@ss@host/x')).toBe('http://u:****@host/x');
    // An empty password, and several URLs in one line.
    expect(redact('http://u:@h and ssh://root:toor@srv/')).toBe('http://u:****@h and ssh://root:****@srv/');
  });

  it('leaves URLs without a password as they are', () => {
    for (const text of ['http://127.0.0.1:7474', 'ssh://ops@10.1.2.3/?hostKey=SHA256:abc&service=gate', 'mailto:x@y', 'at 06:30 by x@y']) {
      expect(redact(text)).toBe(text);
    }
  });

  it('masks credential query parameters, keeping the others', () => {
    expect(redact(`/v1/events?since=4&token=${HUB_TOKEN}`)).toBe('/v1/events?since=4&token=****');
    expect(redact('GET /cb?access_token=abc&state=ok&client_secret=s3&api_key=k&sig=zz&password=p#frag')).toBe(
      'GET /cb?access_token=****&state=ok&client_secret=****&api_key=****&sig=****&password=****#frag',
    );
    expect(redact('/v1/events?token=')).toBe('/v1/events?token=****');
  });

  it('masks credential headers however they are quoted', () => {
    expect(redact('authorization: Bearer abc.def')).toBe('authorization: ****');
    expect(redact(`{"Authorization":"Basic dXNlcjpwYXNz","accept":"json"}`)).toBe(`{"Authorization":"****","accept":"json"}`);
    expect(redact("{ cookie: 'sid=1; theme=dark', 'x-watchfloor-channel': 'cli' }")).toBe("{ cookie: '****', 'x-watchfloor-channel': 'cli' }");
    expect(redact('X-Api-Token=t0k3n')).toBe('X-Api-Token=****');
    expect(redact('set-cookie: a=b\nnext line')).toBe('set-cookie: ****\nnext line');
    // Not credentials: the acting user's role and who it is for.
    expect(redact('x-watchfloor-act-as: viewer')).toBe('x-watchfloor-act-as: viewer');
  });

  it('masks a bearer credential and a hub token anywhere in prose', () => {
    expect(redact('sent Bearer abc123def to the device')).toBe('sent Bearer **** to the device');
    expect(redact('Basic dXNlcjpwYXNzd29yZA== refused')).toBe('Basic **** refused');
    expect(redact('Basic checks passed')).toBe('Basic checks passed');
    expect(redact(`the token ${HUB_TOKEN} was revoked`)).toBe('the token wf_**** was revoked');
    expect(redact('emulator tokens wfsim_AbCdEfGhIjKlMnOpQrStUvWxYz and wfdev_AbCdEfGhIjKlMnOpQrStUvWxYz')).toBe('emulator tokens wfsim_**** and wfdev_****');
    // Token ids are not secrets.
    expect(redact('tok_1a2b3c4d5e6f')).toBe('tok_1a2b3c4d5e6f');
  });

  it("masks Slack's bot, user and app-level tokens, not words that merely start alike", () => {
    expect(redact('pasted xoxb-123456789012-abcdefGHIJ and xoxp-1-2-3-abcdefgh')).toBe('pasted xoxb-**** and xoxp-****');
    expect(redact('SLACK_APP_TOKEN=xapp-1-A0123456-789-abcdef')).toBe('SLACK_APP_TOKEN=xapp-****');
    expect(redact('xoxb-short and xoxbox-anything')).toBe('xoxb-short and xoxbox-anything');
  });

  it('is idempotent', () => {
    const once = redact(`http://u:p@h/?token=${HUB_TOKEN} authorization: Bearer x`);
    expect(redact(once)).toBe(once);
  });
});

describe('hasUserinfo', () => {
  it('is true for a user or a password, false otherwise or when the URL does not parse', () => {
    expect(hasUserinfo('http://u:p@h')).toBe(true);
    expect(hasUserinfo('http://u@h')).toBe(true);
    expect(hasUserinfo('http://:p@h')).toBe(true);
    expect(hasUserinfo('http://h:1/x?u=a@b')).toBe(false);
    expect(hasUserinfo('not a url')).toBe(false);
  });
});
