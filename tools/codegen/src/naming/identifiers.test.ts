import { describe, expect, it } from 'vitest';
import {
  camelCase,
  componentIdentifier,
  jsonLiteral,
  pascalCase,
  propertyKey,
  stringLiteral,
} from './identifiers.js';

describe('identifiers', () => {
  it('keeps valid component names and repairs the others', () => {
    expect(componentIdentifier('AIProviderConfig_Openai')).toBe('AIProviderConfig_Openai');
    expect(componentIdentifier('upload-status')).toBe('UploadStatus');
    expect(componentIdentifier('Tag/Name')).toBe('TagName');
    expect(componentIdentifier('2fa')).toBe('_2fa');
    expect(componentIdentifier('default')).toBe('Default');
  });

  it('turns operation ids into camelCase and PascalCase', () => {
    expect(camelCase('AccountService_GetAccount')).toBe('accountServiceGetAccount');
    expect(camelCase('getUpload')).toBe('getUpload');
    expect(camelCase('get-pet')).toBe('getPet');
    expect(camelCase('delete')).toBe('delete_');
    expect(pascalCase('uploads.retrieve')).toBe('UploadsRetrieve');
  });

  it('quotes property keys only when needed, and never writes a bare __proto__', () => {
    expect(propertyKey('fileName')).toBe('fileName');
    expect(propertyKey('sort.order')).toBe(`'sort.order'`);
    expect(propertyKey('__proto__')).toBe(`['__proto__']`);
    expect(stringLiteral(`it's\n`)).toBe(`'it\\'s\\n'`);
  });

  it('writes JSON values as JavaScript', () => {
    expect(jsonLiteral({ a: [1, 'x', null, true], 'b-c': {} })).toBe(
      `{ a: [1, 'x', null, true], 'b-c': {  } }`,
    );
  });
});
