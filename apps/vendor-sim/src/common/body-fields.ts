import { VendorError } from '@sim/common/vendor-error';

/**
 * Readers for untrusted JSON bodies. Errors are `VendorError(400)` naming the field, so each vendor's
 * error handler renders them in its own envelope.
 */
export type JsonBody = Record<string, unknown>;

const invalid = (param: string, message: string) => new VendorError(400, message, { param });

export function jsonBody(body: unknown): JsonBody {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw invalid('body', 'The request body must be a JSON object.');
  return body as JsonBody;
}

export function requiredString(body: JsonBody, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(name, `Missing required parameter: '${name}'.`);
  }
  return value;
}

export function optionalString(body: JsonBody, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(name, `Invalid type for '${name}': expected a string.`);
  return value;
}

export function optionalInteger(
  body: JsonBody,
  name: string,
  min = Number.MIN_SAFE_INTEGER,
): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalid(name, `Invalid value for '${name}': expected an integer >= ${min}.`);
  }
  return value;
}

export function optionalBoolean(body: JsonBody, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalid(name, `Invalid type for '${name}': expected a boolean.`);
  return value;
}

export function optionalStringArray(body: JsonBody, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw invalid(name, `Invalid type for '${name}': expected an array of strings.`);
  }
  return value;
}

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalid(name, `Invalid value for '${name}': expected one of ${allowed.join(', ')}.`);
  }
  return value as T;
}
