import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CancelledError, DataError, HubflowError, InfeasibleError, InputError, NotFoundError, OverloadedError } from '../shared/errors.js';

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  field?: string;
  instance?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function statusOf(err: unknown): number {
  if (err instanceof InputError) return 400;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof InfeasibleError) return 422;
  if (err instanceof OverloadedError) return 503;
  if (err instanceof CancelledError) return 409;
  if (err instanceof DataError) return 500;
  const code = (err as FastifyError).statusCode;
  return typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
}

/** The field a Fastify/Ajv validation error is about, as a dotted path ("modes.1", "weightKg"). */
function validationField(err: FastifyError): string | undefined {
  const v = err.validation?.[0];
  if (!v) return undefined;
  // A JSON pointer: segments split on "/", each with "~1" for "/" and "~0" for "~" (RFC 6901).
  const path = v.instancePath
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  const params = v.params as Record<string, unknown>;
  const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  return [path, extra].filter(Boolean).join('.') || undefined;
}

type AjvError = NonNullable<FastifyError['validation']>[number];

/**
 * For a value that matches none of a union's branches (Ajv reports each branch, then `anyOf`), what it
 * may be instead: "must be "none", "linehaul", "all" or a list" rather than the first branch's
 * "must be equal to constant". Undefined when the first error is not about such a union.
 */
function alternatives(errors: readonly AjvError[]): string | undefined {
  const union = errors.find((e) => e.keyword === 'anyOf' && e.instancePath === errors[0].instancePath);
  if (!union) return undefined;
  const here = errors.filter((e) => e.instancePath === union.instancePath);
  const values: unknown[] = [];
  for (const e of here) {
    const p = e.params as Record<string, unknown>;
    if (e.keyword === 'const') values.push(p.allowedValue);
    else if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) values.push(...(p.allowedValues as unknown[]));
  }
  // A constant's branch also reports its type ("must be string"); the constants themselves say more.
  const valueTypes = new Set<string>(values.map((x) => typeof x));
  const words = values.map((x) => JSON.stringify(x));
  for (const e of here) {
    const t = String((e.params as Record<string, unknown>).type);
    if (e.keyword === 'type' && !valueTypes.has(t)) words.push(t === 'array' ? 'a list' : `a ${t}`);
  }
  const unique = [...new Set(words)];
  if (unique.length < 2) return undefined;
  return `must be ${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** The one place where errors become HTTP responses. A 5xx never shows a stack trace or internal message. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = statusOf(err);
  let field = (err as unknown) instanceof HubflowError ? (err as unknown as HubflowError).field : undefined;
  let detail = err.message;
  if (err.validation) {
    field = validationField(err);
    const v = err.validation[0];
    const params = v.params as Record<string, unknown>;
    detail = params.additionalProperty
      ? `${field}: unknown property (not in the schema)`
      : `${field ?? err.validationContext ?? 'body'}: ${alternatives(err.validation) ?? v.message ?? 'is invalid'}`;
  }
  if (status >= 500) {
    req.log.error({ err }, 'request failed');
    detail = status === 503 ? err.message : 'internal error; the server log has the details';
    field = undefined;
  }
  const problem: Problem = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(field ? { field } : {}),
    instance: req.url,
  };
  reply.status(status).type('application/problem+json').send(problem);
}

/** 404 for unknown API routes, as a problem document. */
export function notFoundHandler(req: FastifyRequest, reply: FastifyReply): void {
  reply.status(404).type('application/problem+json').send({
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    detail: `no route ${req.method} ${req.url.split('?')[0]}`,
    instance: req.url,
  } satisfies Problem);
}
