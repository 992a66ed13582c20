import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../errors/validation-error';
import { validateInput } from './validate-input';
import { safeParseWithMessages } from './zod-messages';
import { zodIssuesToValidationIssues } from './zod-issues';

// In a file of its own: building a classic zod schema installs zod's English locale globally.
describe('schemas built with classic zod (a user or a third-party provider)', () => {
  const schema = z.strictObject({ steps: z.number().int().min(1, 'must be >= 1'), mode: z.enum(['fast', 'slow']).optional() });

  it('validate through validateInput like zod/mini ones', () => {
    const error = thrownBy(() => validateInput(schema, { steps: 0, mode: 'medium', step: 2 }, { provider: 'x', model: 'y' }), ValidationError);
    expect(error.message).toBe(
      'Invalid request for x y: steps = 0: must be >= 1; mode = "medium": is not one of the allowed values (allowed: "fast", "slow"); step = 2: unknown field (did you mean "steps"?); provider-specific fields go in extraParams (allowed: "steps", "mode")',
    );
    expect(validateInput(schema, { steps: 2 }, { provider: 'x', model: 'y' })).toEqual({ steps: 2 });
  });

  it('give issues that zodIssuesToValidationIssues reads', () => {
    const result = safeParseWithMessages(schema, { steps: 'two' });
    expect(zodIssuesToValidationIssues(result.error?.issues ?? [], { steps: 'two' })).toEqual([
      { field: 'steps', value: 'two', message: 'Invalid input: expected number, received string' },
    ]);
  });
});
