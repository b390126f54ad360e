/**
 * Operator words for a request that failed its schema. Custom messages from the contract
 * ("Every bot needs a name.") are used as they are; zod's generic ones ("Invalid input:
 * expected string, received number") are rephrased with the field's name.
 */
import type { z } from 'zod';

/** Zod's built-in messages start like this; the contract's own messages never do. */
const GENERIC = /^(Invalid|Too (big|small)|Unrecognized)/;

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'an object',
  boolean: 'true or false',
};

export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'The request is not valid.';
  const field = fieldName(issue.path);
  if (!GENERIC.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
      return field
        ? `“${field}” is missing or is not ${expected}.`
        : `The request must be ${expected}.`;
    }
    case 'invalid_value':
      return `“${field || 'The request'}” must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `The request has fields Botdeck does not know: ${issue.keys.join(', ')}.`;
    case 'too_big':
      return `“${field || 'The request'}” is too long (at most ${String(issue.maximum)}).`;
    case 'too_small':
      return `“${field || 'The request'}” is too short (at least ${String(issue.minimum)}).`;
    default:
      return field ? `“${field}” is not valid.` : 'The request is not valid.';
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`,
    )
    .join('');
}
