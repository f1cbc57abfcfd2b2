import { APIConnectionError as AnthropicConnectionError, APIError as AnthropicAPIError } from '@anthropic-ai/sdk';
import { RestError } from '@azure/core-rest-pipeline';
import { AuthenticationError } from '@azure/identity';
import { APIConnectionTimeoutError, APIError as OpenAIAPIError } from 'openai';
import { describeAnthropicFailure } from '../anthropic/anthropic-admin-client';
import { describeAzureFailure } from '../azure-openai/azure-admin-client';
import { describeGoogleFailure } from '../google-vertex/google-admin-clients';
import { describeOpenAIFailure } from '../openai/openai-admin-client';
import { classify } from './vendor-call';
import { parseRetryAfter } from './vendor-failure';

describe('parseRetryAfter', () => {
  const headers = (values: Record<string, string>) => (name: string) => values[name];

  it('prefers retry-after-ms, then x-ms-retry-after-ms, then retry-after seconds', () => {
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), 0)).toBe(250);
    expect(parseRetryAfter(headers({ 'x-ms-retry-after-ms': '40' }), 0)).toBe(40);
    expect(parseRetryAfter(headers({ 'retry-after': '3' }), 0)).toBe(3000);
  });

  it('reads an HTTP date relative to now, and nothing when absent or garbage', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Mon, 23 Nov 2026 10:00:05 GMT' }), now)).toBe(5000);
    expect(parseRetryAfter(headers({}), now)).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});

describe('OpenAI and Anthropic SDK errors', () => {
  it('carry status, Retry-After and the vendor message', () => {
    const error = new OpenAIAPIError(429, { message: 'Rate limit reached', code: 'rate_limit_exceeded' }, 'x', new Headers({ 'retry-after': '2' }));
    expect(describeOpenAIFailure(error)).toEqual({ status: 429, retryAfterMs: 2000, vendorCode: 'rate_limit_exceeded', message: 'Rate limit reached' });
  });

  it('treat timeouts and connection errors as transport failures, which are retried', () => {
    expect(classify(describeOpenAIFailure(new APIConnectionTimeoutError()))).toBe('vendor_unavailable');
    expect(classify(describeAnthropicFailure(new AnthropicConnectionError({ message: 'socket hang up' })))).toBe('vendor_unavailable');
  });

  it("read Anthropic's error envelope", () => {
    const error = new AnthropicAPIError(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }, 'x', new Headers());
    expect(describeAnthropicFailure(error)).toMatchObject({ status: 401, vendorCode: 'authentication_error', message: 'invalid x-api-key' });
  });
});

describe('Azure errors', () => {
  it('map Entra refusals to a rejected credential', () => {
    const refused = new AuthenticationError(400, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
    expect(classify(describeAzureFailure(refused))).toBe('connection_rejected');
    const required = Object.assign(new Error('invalid_client: AADSTS7000215: Invalid client secret'), { name: 'AuthenticationRequiredError' });
    expect(classify(describeAzureFailure(required))).toBe('connection_rejected');
  });

  it('read ARM status, Retry-After and the error code', () => {
    const error = new RestError('throttled', { statusCode: 429 });
    Object.assign(error, { details: { error: { code: 'TooManyRequests', message: 'slow down' } } });
    expect(describeAzureFailure(error)).toMatchObject({ status: 429, vendorCode: 'TooManyRequests', message: 'slow down' });
    expect(classify(describeAzureFailure(new RestError('socket closed', { code: 'REQUEST_SEND_ERROR' })))).toBe('vendor_unavailable');
  });
});

describe('Google errors', () => {
  const gaxiosLike = (status: number, data: unknown) => Object.assign(new Error(`HTTP ${status}`), { status, response: { status, data, headers: new Headers() } });

  it('make FAILED_PRECONDITION a precondition failure and keep the details', () => {
    const failure = describeGoogleFailure(
      gaxiosLike(400, {
        error: {
          code: 400,
          status: 'FAILED_PRECONDITION',
          message: 'Key creation is not allowed on this service account.',
          details: [{ '@type': 'type.googleapis.com/google.rpc.PreconditionFailure', violations: [{ type: 'constraints/iam.disableServiceAccountKeyCreation' }] }],
        },
      }),
    );
    expect(classify(failure)).toBe('precondition_failed');
    expect(JSON.stringify(failure.details)).toContain('constraints/iam.disableServiceAccountKeyCreation');
  });

  it('make a refused token exchange a rejected credential', () => {
    expect(classify(describeGoogleFailure(gaxiosLike(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' })))).toBe('connection_rejected');
    expect(classify(describeGoogleFailure(new Error('invalid_grant: account not found')))).toBe('connection_rejected');
  });

  it('retry 503s and connection failures', () => {
    expect(classify(describeGoogleFailure(gaxiosLike(503, { error: { code: 503, status: 'UNAVAILABLE', message: 'try again' } })))).toBe('vendor_unavailable');
    expect(classify(describeGoogleFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))).toBe('vendor_unavailable');
  });
});
