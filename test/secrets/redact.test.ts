// The redactor and the credential check on their own, with expected outputs
// written by hand: what a user would see in a message or a file.
import { describe, expect, it } from 'vitest'
import { checkCredentials, credential, isSecretVariable, withoutSecrets } from '../../src/secrets/credentials.js'
import { redact, redactDeep, registerSecret, registerUrlSecrets } from '../../src/secrets/redact.js'
import { UserError } from '../../src/errors.js'

const NO_ENV: NodeJS.ProcessEnv = {}

describe('redact', () => {
  it('removes a credential value from the environment, wherever it appears', () => {
    const env = { SHOWTELL_X_BEARER_TOKEN: 'AAAA-x-token-1234' }
    expect(redact('the API said: bad token AAAA-x-token-1234!', env)).toBe('the API said: bad token [redacted]!')
    expect(redact('AAAA-x-token-1234AAAA-x-token-1234', env)).toBe('[redacted][redacted]')
    // URL- and JSON-escaped forms.
    expect(redact('echo ?q=AAAA-x-token-1234', env)).toBe('echo ?q=[redacted]')
    expect(redact('{"t":"v%2Fw"}', { X_BEARER_TOKEN: 'v/w-long' })).toBe('{"t":"v%2Fw"}')
    expect(redact('u=v%2Fw-long', { X_BEARER_TOKEN: 'v/w-long' })).toBe('u=[redacted]')
  })

  it('removes each line of a token that holds a newline, and its JSON-escaped form', () => {
    const env = { X_BEARER_TOKEN: 'first-half-abc\nsecond-half-xyz' }
    expect(redact('invalid header value: "first-half-abc', env)).toBe('invalid header value: "[redacted]')
    expect(redact('then second-half-xyz came', env)).toBe('then [redacted] came')
    expect(redact('{"token":"x","echo":"first-half-abc\\nsecond-half-xyz"}', env)).toBe('{"token":"[redacted]","echo":"[redacted]"}')
  })

  it('leaves short or empty values alone (they would garble every text)', () => {
    expect(redact('abc and more abc', { X_BEARER_TOKEN: 'abc' })).toBe('abc and more abc')
    expect(redact('plain text', { X_BEARER_TOKEN: '' })).toBe('plain text')
  })

  it('removes Authorization and Bearer material', () => {
    expect(redact('request failed: Authorization: Bearer abc.def-ghi', NO_ENV)).toBe('request failed: Authorization: Bearer [redacted]')
    expect(redact('{"authorization":"Basic dXNlcjpwYXNz"}', NO_ENV)).toBe('{"authorization":"[redacted]"}')
    expect(redact('proxy-authorization=secret123 next', NO_ENV)).toBe('proxy-authorization=[redacted] next')
    expect(redact('sent bearer eyJhbGciOi.J9xx== to it', NO_ENV)).toBe('sent bearer [redacted] to it')
    expect(redact('no Authorization header was sent', NO_ENV)).toBe('no Authorization header was sent')
    // Prose about bearer tokens is not a token.
    expect(redact('set it to the X API bearer token alone; Bearer credentials expire', NO_ENV)).toBe('set it to the X API bearer token alone; Bearer credentials expire')
    expect(redact('Bearer AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid', NO_ENV)).toBe('Bearer [redacted]')
  })

  it('removes URL user-info, in any scheme', () => {
    expect(redact('opened https://alice:pa55word@example.com/page', NO_ENV)).toBe('opened https://[redacted]@example.com/page')
    expect(redact('ws://tok3n@10.0.0.5:3000/devtools', NO_ENV)).toBe('ws://[redacted]@10.0.0.5:3000/devtools')
    // An @ in the path is a handle, not user-info.
    expect(redact('https://mastodon.social/@nordlys and https://x.com/@a@b', NO_ENV)).toBe('https://mastodon.social/@nordlys and https://x.com/@a@b')
  })

  it('removes query and fragment parameters that carry keys or tokens, whatever their case', () => {
    expect(redact('https://h.example/p?id=7&token=abc123&lang=en', NO_ENV)).toBe('https://h.example/p?id=7&token=[redacted]&lang=en')
    expect(redact('https://h.example/p?Access_Token=a&API_KEY=b&apikey=c&Key=d', NO_ENV)).toBe(
      'https://h.example/p?Access_Token=[redacted]&API_KEY=[redacted]&apikey=[redacted]&Key=[redacted]',
    )
    expect(redact('https://h.example/?secret=s&client_secret=c&password=p&sig=g&signature=h&auth=i', NO_ENV)).toBe(
      'https://h.example/?secret=[redacted]&client_secret=[redacted]&password=[redacted]&sig=[redacted]&signature=[redacted]&auth=[redacted]',
    )
    expect(redact('https://s3.example/o?X-Amz-Signature=ff00&X-Amz-Date=20261204', NO_ENV)).toBe('https://s3.example/o?X-Amz-Signature=[redacted]&X-Amz-Date=20261204')
    expect(redact('https://app.example/cb#access_token=zz9&state=1', NO_ENV)).toBe('https://app.example/cb#access_token=[redacted]&state=1')
    expect(redact('wss://pool.example?token=abc', NO_ENV)).toBe('wss://pool.example?token=[redacted]')
    // Names that only contain a secret word are not secret.
    expect(redact('https://h.example/?monkey=1&keyboard=2&tokens_left=3', NO_ENV)).toBe('https://h.example/?monkey=1&keyboard=2&tokens_left=3')
  })

  it('removes values the code registered, and the secret parts of a registered URL', () => {
    registerSecret('registered-secret-42')
    expect(redact('connect failed: registered-secret-42', NO_ENV)).toBe('connect failed: [redacted]')
    registerUrlSecrets('ws://bob:hunter2-long@127.0.0.1:9/devtools?token=pool-token-77&x=1')
    // The same values, quoted without their URL.
    expect(redact('pool said pool-token-77 / hunter2-long', NO_ENV)).toBe('pool said [redacted] / [redacted]')
  })

  it('redacts every string of a result, and nothing else', () => {
    const result = {
      account: 'a',
      url: 'https://u:p@h.example/?token=t',
      reason: 'bad AAAA-x-token-1234',
      metrics: { followers: { value: 5, source: 'api' }, lastPostAt: { value: '2026-11-01', source: 'api' } },
      list: ['Bearer zzzz9999', 3],
    }
    expect(redactDeep(result, { SHOWTELL_X_BEARER_TOKEN: 'AAAA-x-token-1234' })).toEqual({
      account: 'a',
      url: 'https://[redacted]@h.example/?token=[redacted]',
      reason: 'bad [redacted]',
      metrics: { followers: { value: 5, source: 'api' }, lastPostAt: { value: '2026-11-01', source: 'api' } },
      list: ['Bearer [redacted]', 3],
    })
  })
})

describe('credentials', () => {
  it('reads the X token from the first variable that is set', () => {
    expect(credential('x', { X_BEARER_TOKEN: 'b' })).toBe('b')
    expect(credential('x', { SHOWTELL_X_BEARER_TOKEN: 'a', X_BEARER_TOKEN: 'b' })).toBe('a')
    expect(credential('x', {})).toBeUndefined()
  })

  it('refuses a control character, naming the variable and never the value', () => {
    for (const [value, kind] of [
      ['tok-en\nrest-of-it', 'a newline'],
      ['tok-en\u0000rest', 'a NUL character'],
      ['tok-en\rrest', 'a carriage return'],
      ['tok-en\u001brest', 'a control character (U+001B)'],
    ] as const) {
      let caught: unknown
      try {
        checkCredentials({ PATH: '/bin', X_BEARER_TOKEN: value })
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(UserError)
      const line = (caught as UserError).format()
      expect(line.startsWith(`X_BEARER_TOKEN: holds ${kind}`), line).toBe(true)
      expect(line).not.toContain('tok-en')
      expect(line).not.toContain('rest')
    }
    expect(() => checkCredentials({ SHOWTELL_X_BEARER_TOKEN: 'AAAA%2Fclean-token' })).not.toThrow()
  })

  it('takes every secret-looking variable out of a child environment', () => {
    const env = {
      PATH: '/usr/bin',
      HOME: '/home/u',
      LANG: 'C',
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/bus',
      XAUTHORITY: '/home/u/.Xauthority',
      SHOWTELL_X_BEARER_TOKEN: 't1',
      X_BEARER_TOKEN: 't2',
      GITHUB_TOKEN: 't3',
      AWS_SECRET_ACCESS_KEY: 't4',
      PGPASSWORD: 't5',
      OPENAI_API_KEY: 't6',
      NPM_AUTH: 't7',
      my_api_key: 't8',
    }
    expect(withoutSecrets(env)).toEqual({ PATH: '/usr/bin', HOME: '/home/u', LANG: 'C', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/bus', XAUTHORITY: '/home/u/.Xauthority' })
    expect(isSecretVariable('SHOWTELL_X_BEARER_TOKEN')).toBe(true)
  })
})

describe('redact, at the end of a sentence', () => {
  it('keeps the punctuation that follows a URL', () => {
    expect(redact('cannot connect to ws://h:1/x?token=abc123: refused.', {})).toBe('cannot connect to ws://h:1/x?token=[redacted]: refused.')
    expect(redact('(see https://h.example/?key=k9).', {})).toBe('(see https://h.example/?key=[redacted]).')
    expect(redact('https://h.example/?key=a=b==', {})).toBe('https://h.example/?key=[redacted]')
  })
})

describe('redact, twice', () => {
  it('leaves redacted text as it is', () => {
    const once = redact('ws://u:p@h:1/x?token=abc123: refused, Bearer abc123def', {})
    expect(once).toBe('ws://[redacted]@h:1/x?token=[redacted]: refused, Bearer [redacted]')
    expect(redact(once, {})).toBe(once)
    expect(redact('x?token=[redacted]: y', { X_BEARER_TOKEN: 'abc123' })).toBe('x?token=[redacted]: y')
  })
})
