import { registerDecorator, ValidationOptions } from 'class-validator';

/** An object whose keys are short identifiers and whose values are strings of at most 2,000 characters. */
export function IsStringMap(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStringMap',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must map identifiers to strings`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 50 &&
          Object.entries(value).every(([k, v]) => /^[a-z][a-z0-9_]{0,63}$/.test(k) && typeof v === 'string' && v.length <= 2000),
      },
    });
}
