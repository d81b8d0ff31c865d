import type { Operation } from '@dropship/api-contract';
import { createAjv, toFieldErrors } from '@dropship/platform';
import { HttpProblem } from './problem';

type Check = (value: unknown) => unknown;

const bodyAjv = createAjv();
const queryAjv = createAjv({ coerceTypes: 'array' });

function compile(ajv: ReturnType<typeof createAjv>, schema: object | undefined, where: 'body' | 'query' | 'params'): Check {
  if (!schema) {
    return (value) => {
      if (where === 'body' && value !== undefined && !(typeof value === 'object' && value !== null && Object.keys(value).length === 0)) {
        throw new HttpProblem(400, 'REQUEST.INVALID', 'This endpoint takes no request body.', [{ path: '/', message: 'must be empty' }]);
      }
      if (where === 'query' && value && Object.keys(value as object).length > 0) {
        throw new HttpProblem(400, 'REQUEST.INVALID', `Unknown query parameters: ${Object.keys(value as object).join(', ')}.`, Object.keys(value as object).map((k) => ({ path: `query/${k}`, message: 'is not an allowed parameter' })));
      }
      return where === 'query' ? {} : value;
    };
  }
  const validate = ajv.compile(schema);
  return (value) => {
    if (where === 'body' && value === undefined) {
      throw new HttpProblem(400, 'REQUEST.INVALID', 'A JSON request body is required.', [{ path: '/', message: 'is required' }]);
    }
    const copy = where === 'body' ? value : { ...(value as object) };
    if (!validate(copy)) {
      const errors = toFieldErrors(validate.errors, where === 'body' ? '' : where);
      throw new HttpProblem(400, 'REQUEST.INVALID', `The request ${where} is invalid: ${errors.map((e) => `${e.path} ${e.message}`).slice(0, 3).join('; ')}${errors.length > 3 ? '; …' : ''}`, errors);
    }
    return copy;
  };
}

export interface CompiledOperation {
  readonly op: Operation;
  readonly body: Check;
  readonly query: Check;
  readonly params: Check;
}

/** Compiles every schema once at start; requests only run the compiled validators. */
export function compileOperation(op: Operation): CompiledOperation {
  return {
    op,
    body: op.upload ? (v) => v : compile(bodyAjv, op.body, 'body'),
    query: compile(queryAjv, op.query, 'query'),
    params: compile(queryAjv, op.params, 'params'),
  };
}
